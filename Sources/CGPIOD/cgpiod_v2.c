/*
 * cgpiod.h over libgpiod 2.x (Debian 13 ships 2.1). Compiled only when
 * libgpiod_api.h finds a 2.x <gpiod.h>; otherwise cgpiod_v1.c is.
 * Uses nothing newer than libgpiod 2.0.
 */

#include "libgpiod_api.h"

#if CGPIOD_LIBGPIOD_API == 2

#include <stdlib.h>

#include "cgpiod_internal.h"

struct cgpiod_chip {
    struct gpiod_chip *chip;
    /* Owns the strings cgpiod_chip_name and cgpiod_chip_label return. */
    struct gpiod_chip_info *info;
};

struct cgpiod_request {
    struct gpiod_line_request *request;
    /* Room for one event, made once for edge requests; NULL otherwise. */
    struct gpiod_edge_event_buffer *events;
    unsigned int offset;
    cgpiod_direction direction;
    cgpiod_edge edge;
};

const char *cgpiod_library_version(void)
{
    return gpiod_api_version();
}

int cgpiod_api_version(void)
{
    return 2;
}

int cgpiod_chip_open(const char *path, cgpiod_chip **chip)
{
    if (!chip)
        return -EINVAL;
    *chip = NULL;
    if (!path)
        return -EINVAL;

    int error;
    cgpiod_chip *opened = malloc(sizeof(*opened));
    if (!opened)
        return -ENOMEM;

    opened->chip = gpiod_chip_open(path);
    if (!opened->chip) {
        error = cgpiod_negative_errno();
        goto free_chip;
    }
    opened->info = gpiod_chip_get_info(opened->chip);
    if (!opened->info) {
        error = cgpiod_negative_errno();
        goto close_chip;
    }
    *chip = opened;
    return 0;

close_chip:
    gpiod_chip_close(opened->chip);
free_chip:
    free(opened);
    return error;
}

void cgpiod_chip_close(cgpiod_chip *chip)
{
    if (!chip)
        return;
    gpiod_chip_info_free(chip->info);
    gpiod_chip_close(chip->chip);
    free(chip);
}

const char *cgpiod_chip_name(const cgpiod_chip *chip)
{
    return gpiod_chip_info_get_name(chip->info);
}

const char *cgpiod_chip_label(const cgpiod_chip *chip)
{
    return gpiod_chip_info_get_label(chip->info);
}

unsigned int cgpiod_chip_num_lines(const cgpiod_chip *chip)
{
    return (unsigned int)gpiod_chip_info_get_num_lines(chip->info);
}

static cgpiod_bias bias_of(struct gpiod_line_info *line)
{
    switch (gpiod_line_info_get_bias(line)) {
    case GPIOD_LINE_BIAS_DISABLED:
        return CGPIOD_BIAS_DISABLED;
    case GPIOD_LINE_BIAS_PULL_UP:
        return CGPIOD_BIAS_PULL_UP;
    case GPIOD_LINE_BIAS_PULL_DOWN:
        return CGPIOD_BIAS_PULL_DOWN;
    default:
        return CGPIOD_BIAS_AS_IS;
    }
}

static cgpiod_drive drive_of(struct gpiod_line_info *line)
{
    switch (gpiod_line_info_get_drive(line)) {
    case GPIOD_LINE_DRIVE_OPEN_DRAIN:
        return CGPIOD_DRIVE_OPEN_DRAIN;
    case GPIOD_LINE_DRIVE_OPEN_SOURCE:
        return CGPIOD_DRIVE_OPEN_SOURCE;
    default:
        return CGPIOD_DRIVE_PUSH_PULL;
    }
}

int cgpiod_chip_line_info(cgpiod_chip *chip, unsigned int offset,
                          cgpiod_line_info *info)
{
    if (!chip || !info)
        return -EINVAL;

    struct gpiod_line_info *line = gpiod_chip_get_line_info(chip->chip, offset);
    if (!line)
        return cgpiod_negative_errno();

    info->offset = offset;
    cgpiod_copy_name(info->name, gpiod_line_info_get_name(line));
    cgpiod_copy_name(info->consumer, gpiod_line_info_get_consumer(line));
    info->used = gpiod_line_info_is_used(line);
    info->direction =
        gpiod_line_info_get_direction(line) == GPIOD_LINE_DIRECTION_OUTPUT
            ? CGPIOD_DIRECTION_OUTPUT
            : CGPIOD_DIRECTION_INPUT;
    info->active_low = gpiod_line_info_is_active_low(line);
    info->bias = bias_of(line);
    info->drive = drive_of(line);
    gpiod_line_info_free(line);
    return 0;
}

int cgpiod_chip_find_line(cgpiod_chip *chip, const char *name)
{
    if (!chip || !name)
        return -EINVAL;

    int offset = gpiod_chip_get_line_offset_from_name(chip->chip, name);
    return offset < 0 ? cgpiod_negative_errno() : offset;
}

static int set_bias(struct gpiod_line_settings *settings, cgpiod_bias bias)
{
    enum gpiod_line_bias value;
    switch (bias) {
    case CGPIOD_BIAS_AS_IS:
        value = GPIOD_LINE_BIAS_AS_IS;
        break;
    case CGPIOD_BIAS_DISABLED:
        value = GPIOD_LINE_BIAS_DISABLED;
        break;
    case CGPIOD_BIAS_PULL_UP:
        value = GPIOD_LINE_BIAS_PULL_UP;
        break;
    case CGPIOD_BIAS_PULL_DOWN:
        value = GPIOD_LINE_BIAS_PULL_DOWN;
        break;
    default:
        return -EINVAL;
    }
    return gpiod_line_settings_set_bias(settings, value)
               ? cgpiod_negative_errno()
               : 0;
}

static int set_drive(struct gpiod_line_settings *settings, cgpiod_drive drive)
{
    enum gpiod_line_drive value;
    switch (drive) {
    case CGPIOD_DRIVE_PUSH_PULL:
        value = GPIOD_LINE_DRIVE_PUSH_PULL;
        break;
    case CGPIOD_DRIVE_OPEN_DRAIN:
        value = GPIOD_LINE_DRIVE_OPEN_DRAIN;
        break;
    case CGPIOD_DRIVE_OPEN_SOURCE:
        value = GPIOD_LINE_DRIVE_OPEN_SOURCE;
        break;
    default:
        return -EINVAL;
    }
    return gpiod_line_settings_set_drive(settings, value)
               ? cgpiod_negative_errno()
               : 0;
}

static int set_edge(struct gpiod_line_settings *settings, cgpiod_edge edge)
{
    enum gpiod_line_edge value;
    switch (edge) {
    case CGPIOD_EDGE_NONE:
        value = GPIOD_LINE_EDGE_NONE;
        break;
    case CGPIOD_EDGE_RISING:
        value = GPIOD_LINE_EDGE_RISING;
        break;
    case CGPIOD_EDGE_FALLING:
        value = GPIOD_LINE_EDGE_FALLING;
        break;
    case CGPIOD_EDGE_BOTH:
        value = GPIOD_LINE_EDGE_BOTH;
        break;
    default:
        return -EINVAL;
    }
    return gpiod_line_settings_set_edge_detection(settings, value)
               ? cgpiod_negative_errno()
               : 0;
}

/* Requests the one line; settings stay the caller's. */
static int request_line(cgpiod_chip *chip, unsigned int offset,
                        const char *consumer,
                        struct gpiod_line_settings *settings,
                        cgpiod_direction direction, cgpiod_edge edge,
                        cgpiod_request **request)
{
    int error = 0;
    struct gpiod_line_config *line_config = NULL;
    struct gpiod_request_config *request_config = NULL;
    cgpiod_request *made = calloc(1, sizeof(*made));
    if (!made)
        return -ENOMEM;

    made->offset = offset;
    made->direction = direction;
    made->edge = edge;
    if (edge != CGPIOD_EDGE_NONE) {
        made->events = gpiod_edge_event_buffer_new(1);
        if (!made->events) {
            error = cgpiod_negative_errno();
            goto done;
        }
    }
    line_config = gpiod_line_config_new();
    request_config = gpiod_request_config_new();
    if (!line_config || !request_config) {
        error = -ENOMEM;
        goto done;
    }
    if (gpiod_line_config_add_line_settings(line_config, &offset, 1,
                                            settings)) {
        error = cgpiod_negative_errno();
        goto done;
    }
    gpiod_request_config_set_consumer(request_config, consumer);
    made->request =
        gpiod_chip_request_lines(chip->chip, request_config, line_config);
    if (!made->request)
        error = cgpiod_negative_errno();

done:
    /* Checked for NULL here: not every 2.x free function accepts it. */
    if (request_config)
        gpiod_request_config_free(request_config);
    if (line_config)
        gpiod_line_config_free(line_config);
    if (error) {
        if (made->events)
            gpiod_edge_event_buffer_free(made->events);
        free(made);
        return error;
    }
    *request = made;
    return 0;
}

int cgpiod_request_output(cgpiod_chip *chip, unsigned int offset,
                          const char *consumer, int initial_value,
                          bool active_low, cgpiod_drive drive,
                          cgpiod_bias bias, cgpiod_request **request)
{
    if (!request)
        return -EINVAL;
    *request = NULL;
    if (!chip || !consumer)
        return -EINVAL;

    struct gpiod_line_settings *settings = gpiod_line_settings_new();
    if (!settings)
        return -ENOMEM;

    int error = set_bias(settings, bias);
    if (!error)
        error = set_drive(settings, drive);
    if (!error && (gpiod_line_settings_set_direction(
                       settings, GPIOD_LINE_DIRECTION_OUTPUT) ||
                   gpiod_line_settings_set_output_value(
                       settings, initial_value ? GPIOD_LINE_VALUE_ACTIVE
                                               : GPIOD_LINE_VALUE_INACTIVE)))
        error = cgpiod_negative_errno();
    if (!error) {
        gpiod_line_settings_set_active_low(settings, active_low);
        error = request_line(chip, offset, consumer, settings,
                             CGPIOD_DIRECTION_OUTPUT, CGPIOD_EDGE_NONE,
                             request);
    }
    gpiod_line_settings_free(settings);
    return error;
}

int cgpiod_request_input(cgpiod_chip *chip, unsigned int offset,
                         const char *consumer, bool active_low,
                         cgpiod_bias bias, cgpiod_edge edge,
                         uint32_t debounce_us, cgpiod_request **request)
{
    if (!request)
        return -EINVAL;
    *request = NULL;
    if (!chip || !consumer)
        return -EINVAL;

    struct gpiod_line_settings *settings = gpiod_line_settings_new();
    if (!settings)
        return -ENOMEM;

    int error = set_bias(settings, bias);
    if (!error)
        error = set_edge(settings, edge);
    if (!error && gpiod_line_settings_set_direction(
                      settings, GPIOD_LINE_DIRECTION_INPUT))
        error = cgpiod_negative_errno();
    if (!error) {
        gpiod_line_settings_set_active_low(settings, active_low);
        gpiod_line_settings_set_debounce_period_us(settings, debounce_us);
        error = request_line(chip, offset, consumer, settings,
                             CGPIOD_DIRECTION_INPUT, edge, request);
    }
    gpiod_line_settings_free(settings);
    return error;
}

int cgpiod_request_get_value(cgpiod_request *request)
{
    if (!request)
        return -EINVAL;

    enum gpiod_line_value value =
        gpiod_line_request_get_value(request->request, request->offset);
    if (value == GPIOD_LINE_VALUE_ERROR)
        return cgpiod_negative_errno();
    return value == GPIOD_LINE_VALUE_ACTIVE;
}

int cgpiod_request_set_value(cgpiod_request *request, int value)
{
    if (!request)
        return -EINVAL;
    if (request->direction != CGPIOD_DIRECTION_OUTPUT)
        return -EPERM;

    if (gpiod_line_request_set_value(request->request, request->offset,
                                     value ? GPIOD_LINE_VALUE_ACTIVE
                                           : GPIOD_LINE_VALUE_INACTIVE))
        return cgpiod_negative_errno();
    return 0;
}

int cgpiod_request_fd(cgpiod_request *request)
{
    if (!request)
        return -EINVAL;
    /* 2.x has an fd for every request; refused here to behave like 1.x. */
    if (request->edge == CGPIOD_EDGE_NONE)
        return -EPERM;

    return gpiod_line_request_get_fd(request->request);
}

int cgpiod_request_read_event(cgpiod_request *request,
                              cgpiod_edge_event *event)
{
    if (!request || !event)
        return -EINVAL;
    if (request->edge == CGPIOD_EDGE_NONE)
        return -EPERM;

    /* A zero timeout makes the wait a check: reading would block. */
    int pending = gpiod_line_request_wait_edge_events(request->request, 0);
    if (pending <= 0)
        return pending < 0 ? cgpiod_negative_errno() : 0;

    int read = gpiod_line_request_read_edge_events(request->request,
                                                   request->events, 1);
    if (read <= 0)
        return read < 0 ? cgpiod_negative_errno() : 0;

    struct gpiod_edge_event *edge =
        gpiod_edge_event_buffer_get_event(request->events, 0);
    if (!edge)
        return -EIO;
    event->type =
        gpiod_edge_event_get_event_type(edge) == GPIOD_EDGE_EVENT_RISING_EDGE
            ? CGPIOD_EVENT_RISING_EDGE
            : CGPIOD_EVENT_FALLING_EDGE;
    event->timestamp_ns = gpiod_edge_event_get_timestamp_ns(edge);
    event->offset = gpiod_edge_event_get_line_offset(edge);
    return 1;
}

void cgpiod_request_release(cgpiod_request *request)
{
    if (!request)
        return;
    gpiod_line_request_release(request->request);
    if (request->events)
        gpiod_edge_event_buffer_free(request->events);
    free(request);
}

#endif
