#ifndef CGPIOD_H
#define CGPIOD_H

/*
 * One small C API over libgpiod, the same whichever libgpiod the gateway is
 * built against: 1.6 (Debian 12 / Raspberry Pi OS bookworm) or 2.x (Debian 13
 * / trixie), whose APIs are incompatible. The version is chosen when this
 * target is compiled (see ../libgpiod_api.h); Swift calls only what is here.
 *
 * Conventions:
 * - Functions returning int return 0 (or a documented non-negative value) on
 *   success and a negative errno on failure, so the caller can explain it:
 *   -ENOENT no such chip or line name, -EACCES no permission (the user is
 *   not in the group owning /dev/gpiochipN), -EBUSY the line is held by
 *   another consumer (cgpiod_chip_line_info names it), -ENOTTY or -ENODEV
 *   a path that is no GPIO chip, -EINVAL a bad offset or argument,
 *   -EOPNOTSUPP a feature this libgpiod cannot provide.
 * - Out-parameters are written only on success; handle out-parameters are
 *   set to NULL on failure.
 * - No global state, nothing is printed. A handle may be used from one
 *   thread at a time.
 * - One request holds exactly one line.
 * - Values are logical: 1 means active, so an active-low line reads 1 when
 *   its pin is low.
 */

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The kernel's 32-byte name field plus a terminator in case it is full. */
#define CGPIOD_NAME_SIZE 33

typedef enum {
    CGPIOD_DIRECTION_INPUT = 1,
    CGPIOD_DIRECTION_OUTPUT = 2,
} cgpiod_direction;

typedef enum {
    /* In a request: leave the bias as it is. In line info: none reported. */
    CGPIOD_BIAS_AS_IS = 0,
    CGPIOD_BIAS_DISABLED = 1,
    CGPIOD_BIAS_PULL_UP = 2,
    CGPIOD_BIAS_PULL_DOWN = 3,
} cgpiod_bias;

typedef enum {
    CGPIOD_DRIVE_PUSH_PULL = 0,
    CGPIOD_DRIVE_OPEN_DRAIN = 1,
    CGPIOD_DRIVE_OPEN_SOURCE = 2,
} cgpiod_drive;

typedef enum {
    CGPIOD_EDGE_NONE = 0,
    CGPIOD_EDGE_RISING = 1,
    CGPIOD_EDGE_FALLING = 2,
    CGPIOD_EDGE_BOTH = 3,
} cgpiod_edge;

typedef enum {
    CGPIOD_EVENT_RISING_EDGE = 1,
    CGPIOD_EVENT_FALLING_EDGE = 2,
} cgpiod_event_type;

/* An open GPIO chip (/dev/gpiochipN). */
typedef struct cgpiod_chip cgpiod_chip;

/* One requested line. It stays valid after its chip is closed. */
typedef struct cgpiod_request cgpiod_request;

/* What the kernel reports about one line, copied so it outlives the call. */
typedef struct {
    unsigned int offset;
    char name[CGPIOD_NAME_SIZE];     /* "" when the line has no name */
    char consumer[CGPIOD_NAME_SIZE]; /* its holder; "" if free or unlabelled */
    bool used;                       /* requested by someone, kernel included */
    cgpiod_direction direction;
    bool active_low;
    cgpiod_bias bias;
    cgpiod_drive drive;
} cgpiod_line_info;

typedef struct {
    cgpiod_event_type type;
    /* Kernel time of the edge; CLOCK_MONOTONIC on Linux 5.7 and later. */
    uint64_t timestamp_ns;
    unsigned int offset;
} cgpiod_edge_event;

/* Version string of the libgpiod in use, e.g. "1.6.3" or "2.1.3". */
const char *cgpiod_library_version(void);

/* Which libgpiod API this shim was compiled against: 1 or 2. */
int cgpiod_api_version(void);

/* Opens a chip by device path, e.g. "/dev/gpiochip0". */
int cgpiod_chip_open(const char *path, cgpiod_chip **chip);

/* Closes a chip; requests made from it stay valid. NULL is ignored. */
void cgpiod_chip_close(cgpiod_chip *chip);

/* Chip name ("gpiochip0") and label ("pinctrl-bcm2711"); both valid until
 * the chip is closed. */
const char *cgpiod_chip_name(const cgpiod_chip *chip);
const char *cgpiod_chip_label(const cgpiod_chip *chip);
unsigned int cgpiod_chip_num_lines(const cgpiod_chip *chip);

/* Reads the current state of one line, whoever holds it. */
int cgpiod_chip_line_info(cgpiod_chip *chip, unsigned int offset,
                          cgpiod_line_info *info);

/* Returns the offset of the first line with this name, or -ENOENT. */
int cgpiod_chip_find_line(cgpiod_chip *chip, const char *name);

/*
 * Requests one line as an output. The initial value is part of the request,
 * so the pin never shows another level in between. Bias on outputs matters
 * for open-drain and open-source lines.
 */
int cgpiod_request_output(cgpiod_chip *chip, unsigned int offset,
                          const char *consumer, int initial_value,
                          bool active_low, cgpiod_drive drive,
                          cgpiod_bias bias, cgpiod_request **request);

/*
 * Requests one line as an input, with edge events unless edge is
 * CGPIOD_EDGE_NONE. debounce_us > 0 asks the kernel to debounce; API 1
 * cannot, so it returns -EOPNOTSUPP and requests nothing: the caller then
 * requests with 0 and debounces the events itself.
 */
int cgpiod_request_input(cgpiod_chip *chip, unsigned int offset,
                         const char *consumer, bool active_low,
                         cgpiod_bias bias, cgpiod_edge edge,
                         uint32_t debounce_us, cgpiod_request **request);

/* Returns the logical value, 0 or 1. */
int cgpiod_request_get_value(cgpiod_request *request);

/* Sets the logical value of an output line; any non-zero value means 1. */
int cgpiod_request_set_value(cgpiod_request *request, int value);

/*
 * The file descriptor that becomes readable when an edge event is pending;
 * owned by the request. -EPERM when the request has no edge detection.
 */
int cgpiod_request_fd(cgpiod_request *request);

/*
 * Reads one pending edge event without blocking: returns 1 and fills event,
 * 0 when none is pending, -EPERM when the request has no edge detection.
 */
int cgpiod_request_read_event(cgpiod_request *request,
                              cgpiod_edge_event *event);

/* Releases the line and frees the request. NULL is ignored. */
void cgpiod_request_release(cgpiod_request *request);

#ifdef __cplusplus
}
#endif

#endif
