/*
 * cgpiod.h over libgpiod 1.x (Debian 12 ships 1.6.3). Compiled only when
 * libgpiod_api.h finds a 1.x <gpiod.h>; otherwise cgpiod_v2.c is.
 */

#include "libgpiod_api.h"

#if CGPIOD_LIBGPIOD_API == 1

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cgpiod_internal.h"

struct cgpiod_chip {
    struct gpiod_chip *chip;
    /* Kept so that each request can open its own copy of the chip. */
    char path[];
};

/*
 * In libgpiod 1.x a line belongs to the chip object it came from, and closing
 * that chip releases the line. So each request opens the chip again and owns
 * that copy: requests outlive the caller's chip, as they do in libgpiod 2.
 */
struct cgpiod_request {
    struct gpiod_chip *chip;
    struct gpiod_line *line;
    cgpiod_direction direction;
    cgpiod_edge edge;
};

const char *cgpiod_library_version(void)
{
    return gpiod_version_string();
}

int cgpiod_api_version(void)
{
    return 1;
}

int cgpiod_chip_open(const char *path, cgpiod_chip **chip)
{
    if (!chip)
        return -EINVAL;
    *chip = NULL;
    if (!path)
        return -EINVAL;

    size_t path_size = strlen(path) + 1;
    cgpiod_chip *opened = malloc(sizeof(*opened) + path_size);
    if (!opened)
        return -ENOMEM;

    opened->chip = gpiod_chip_open(path);
    if (!opened->chip) {
        int error = cgpiod_negative_errno();
        free(opened);
        return error;
    }
    memcpy(opened->path, path, path_size);
    *chip = opened;
    return 0;
}

void cgpiod_chip_close(cgpiod_chip *chip)
{
    if (!chip)
        return;
    gpiod_chip_close(chip->chip);
    free(chip);
}

const char *cgpiod_chip_name(const cgpiod_chip *chip)
{
    return gpiod_chip_name(chip->chip);
}

const char *cgpiod_chip_label(const cgpiod_chip *chip)
{
    return gpiod_chip_label(chip->chip);
}

unsigned int cgpiod_chip_num_lines(const cgpiod_chip *chip)
{
    return gpiod_chip_num_lines(chip->chip);
}

static cgpiod_bias bias_of(struct gpiod_line *line)
{
    switch (gpiod_line_bias(line)) {
    case GPIOD_LINE_BIAS_DISABLE:
        return CGPIOD_BIAS_DISABLED;
    case GPIOD_LINE_BIAS_PULL_UP:
        return CGPIOD_BIAS_PULL_UP;
    case GPIOD_LINE_BIAS_PULL_DOWN:
        return CGPIOD_BIAS_PULL_DOWN;
    default:
        return CGPIOD_BIAS_AS_IS;
    }
}

static cgpiod_drive drive_of(struct gpiod_line *line)
{
    if (gpiod_line_is_open_drain(line))
        return CGPIOD_DRIVE_OPEN_DRAIN;
    if (gpiod_line_is_open_source(line))
        return CGPIOD_DRIVE_OPEN_SOURCE;
    return CGPIOD_DRIVE_PUSH_PULL;
}

int cgpiod_chip_line_info(cgpiod_chip *chip, unsigned int offset,
                          cgpiod_line_info *info)
{
    if (!chip || !info)
        return -EINVAL;

    /* Reads the kernel's current info on every call, not a cached copy. */
    struct gpiod_line *line = gpiod_chip_get_line(chip->chip, offset);
    if (!line)
        return cgpiod_negative_errno();

    info->offset = offset;
    cgpiod_copy_name(info->name, gpiod_line_name(line));
    cgpiod_copy_name(info->consumer, gpiod_line_consumer(line));
    info->used = gpiod_line_is_used(line);
    info->direction = gpiod_line_direction(line) == GPIOD_LINE_DIRECTION_OUTPUT
                          ? CGPIOD_DIRECTION_OUTPUT
                          : CGPIOD_DIRECTION_INPUT;
    info->active_low =
        gpiod_line_active_state(line) == GPIOD_LINE_ACTIVE_STATE_LOW;
    info->bias = bias_of(line);
    info->drive = drive_of(line);
    return 0;
}

int cgpiod_chip_find_line(cgpiod_chip *chip, const char *name)
{
    if (!chip || !name)
        return -EINVAL;

    struct gpiod_line *line = gpiod_chip_find_line(chip->chip, name);
    if (!line)
        return cgpiod_negative_errno();
    return (int)gpiod_line_offset(line);
}

static int add_bias_flag(cgpiod_bias bias, int *flags)
{
    switch (bias) {
    case CGPIOD_BIAS_AS_IS:
        return 0;
    case CGPIOD_BIAS_DISABLED:
        *flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE;
        return 0;
    case CGPIOD_BIAS_PULL_UP:
        *flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;
        return 0;
    case CGPIOD_BIAS_PULL_DOWN:
        *flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
        return 0;
    }
    return -EINVAL;
}

static int add_drive_flag(cgpiod_drive drive, int *flags)
{
    switch (drive) {
    case CGPIOD_DRIVE_PUSH_PULL:
        return 0;
    case CGPIOD_DRIVE_OPEN_DRAIN:
        *flags |= GPIOD_LINE_REQUEST_FLAG_OPEN_DRAIN;
        return 0;
    case CGPIOD_DRIVE_OPEN_SOURCE:
        *flags |= GPIOD_LINE_REQUEST_FLAG_OPEN_SOURCE;
        return 0;
    }
    return -EINVAL;
}

/* 1.x asks for edge events through the request type, not a flag. */
static int input_request_type(cgpiod_edge edge, int *request_type)
{
    switch (edge) {
    case CGPIOD_EDGE_NONE:
        *request_type = GPIOD_LINE_REQUEST_DIRECTION_INPUT;
        return 0;
    case CGPIOD_EDGE_RISING:
        *request_type = GPIOD_LINE_REQUEST_EVENT_RISING_EDGE;
        return 0;
    case CGPIOD_EDGE_FALLING:
        *request_type = GPIOD_LINE_REQUEST_EVENT_FALLING_EDGE;
        return 0;
    case CGPIOD_EDGE_BOTH:
        *request_type = GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES;
        return 0;
    }
    return -EINVAL;
}

static int request_line(const cgpiod_chip *chip, unsigned int offset,
                        const struct gpiod_line_request_config *config,
                        int initial_value, cgpiod_direction direction,
                        cgpiod_edge edge, cgpiod_request **request)
{
    int error;
    cgpiod_request *made = malloc(sizeof(*made));
    if (!made)
        return -ENOMEM;

    made->direction = direction;
    made->edge = edge;
    made->chip = gpiod_chip_open(chip->path);
    if (!made->chip) {
        error = cgpiod_negative_errno();
        goto free_request;
    }
    made->line = gpiod_chip_get_line(made->chip, offset);
    if (!made->line || gpiod_line_request(made->line, config, initial_value)) {
        error = cgpiod_negative_errno();
        goto close_chip;
    }
    *request = made;
    return 0;

close_chip:
    gpiod_chip_close(made->chip);
free_request:
    free(made);
    return error;
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

    int flags = active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0;
    int error = add_bias_flag(bias, &flags);
    if (!error)
        error = add_drive_flag(drive, &flags);
    if (error)
        return error;

    const struct gpiod_line_request_config config = {
        .consumer = consumer,
        .request_type = GPIOD_LINE_REQUEST_DIRECTION_OUTPUT,
        .flags = flags,
    };
    return request_line(chip, offset, &config, initial_value != 0,
                        CGPIOD_DIRECTION_OUTPUT, CGPIOD_EDGE_NONE, request);
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
    /* The 1.x API (kernel uAPI v1) has no debounce setting. */
    if (debounce_us > 0)
        return -EOPNOTSUPP;

    int flags = active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0;
    int request_type = 0;
    int error = add_bias_flag(bias, &flags);
    if (!error)
        error = input_request_type(edge, &request_type);
    if (error)
        return error;

    const struct gpiod_line_request_config config = {
        .consumer = consumer,
        .request_type = request_type,
        .flags = flags,
    };
    return request_line(chip, offset, &config, 0, CGPIOD_DIRECTION_INPUT,
                        edge, request);
}

int cgpiod_request_get_value(cgpiod_request *request)
{
    if (!request)
        return -EINVAL;

    int value = gpiod_line_get_value(request->line);
    return value < 0 ? cgpiod_negative_errno() : value;
}

int cgpiod_request_set_value(cgpiod_request *request, int value)
{
    if (!request)
        return -EINVAL;
    if (request->direction != CGPIOD_DIRECTION_OUTPUT)
        return -EPERM;

    if (gpiod_line_set_value(request->line, value != 0))
        return cgpiod_negative_errno();
    return 0;
}

int cgpiod_request_fd(cgpiod_request *request)
{
    if (!request)
        return -EINVAL;
    if (request->edge == CGPIOD_EDGE_NONE)
        return -EPERM;

    int fd = gpiod_line_event_get_fd(request->line);
    return fd < 0 ? cgpiod_negative_errno() : fd;
}

int cgpiod_request_read_event(cgpiod_request *request,
                              cgpiod_edge_event *event)
{
    if (!request || !event)
        return -EINVAL;
    if (request->edge == CGPIOD_EDGE_NONE)
        return -EPERM;

    /* A zero timeout makes the wait a check: reading would block. */
    const struct timespec no_wait = { 0 };
    int pending = gpiod_line_event_wait(request->line, &no_wait);
    if (pending <= 0)
        return pending < 0 ? cgpiod_negative_errno() : 0;

    struct gpiod_line_event read;
    if (gpiod_line_event_read(request->line, &read))
        return cgpiod_negative_errno();

    event->type = read.event_type == GPIOD_LINE_EVENT_RISING_EDGE
                      ? CGPIOD_EVENT_RISING_EDGE
                      : CGPIOD_EVENT_FALLING_EDGE;
    event->timestamp_ns =
        (uint64_t)read.ts.tv_sec * 1000000000u + (uint64_t)read.ts.tv_nsec;
    /* uAPI v1 events carry no offset: the request holds one line. */
    event->offset = gpiod_line_offset(request->line);
    return 1;
}

void cgpiod_request_release(cgpiod_request *request)
{
    if (!request)
        return;
    /* Closing the request's own chip releases its line. */
    gpiod_chip_close(request->chip);
    free(request);
}

#endif
