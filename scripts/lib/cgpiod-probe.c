/*
 * Calls every function of Sources/CGPIOD/include/cgpiod.h, so linking it
 * proves the shim complete for the libgpiod it was built against, and
 * running it checks what needs no GPIO hardware. Built and run by
 * scripts/lib/check-gpiod-v2.
 *
 * usage: cgpiod-probe API [CHIP LINE]
 *   API        the libgpiod API (1 or 2) the shim must report.
 *   CHIP LINE  exercise that line of that chip for real: its info, then an
 *              input request and an output request. The line is DRIVEN high
 *              then low: use a gpio-sim chip or a line with nothing attached.
 * Without CHIP LINE, a missing chip must give -ENOENT and missing handles
 * -EINVAL.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgpiod.h"

#define CONSUMER "cgpiod-probe"

static int failures;

static void expect(bool holds, const char *what, int result)
{
    if (holds)
        return;
    fprintf(stderr, "cgpiod-probe: %s (got %d%s%s)\n", what, result,
            result < 0 ? ", " : "", result < 0 ? strerror(-result) : "");
    failures++;
}

static void check_without_hardware(void)
{
    cgpiod_chip *chip = NULL;
    int result = cgpiod_chip_open("/dev/gpiochip-cgpiod-probe-missing", &chip);
    expect(result == -ENOENT && !chip, "a missing chip gives -ENOENT", result);

    cgpiod_request *request = NULL;
    result = cgpiod_request_output(NULL, 0, CONSUMER, 0, false,
                                   CGPIOD_DRIVE_PUSH_PULL, CGPIOD_BIAS_AS_IS,
                                   &request);
    expect(result == -EINVAL && !request, "output without chip", result);
    result = cgpiod_request_input(NULL, 0, CONSUMER, false, CGPIOD_BIAS_AS_IS,
                                  CGPIOD_EDGE_BOTH, 0, &request);
    expect(result == -EINVAL && !request, "input without chip", result);

    cgpiod_line_info info;
    cgpiod_edge_event event;
    result = cgpiod_chip_line_info(NULL, 0, &info);
    expect(result == -EINVAL, "line info without chip", result);
    result = cgpiod_chip_find_line(NULL, "GPIO17");
    expect(result == -EINVAL, "find line without chip", result);
    result = cgpiod_request_get_value(NULL);
    expect(result == -EINVAL, "get value without request", result);
    result = cgpiod_request_set_value(NULL, 1);
    expect(result == -EINVAL, "set value without request", result);
    result = cgpiod_request_fd(NULL);
    expect(result == -EINVAL, "fd without request", result);
    result = cgpiod_request_read_event(NULL, &event);
    expect(result == -EINVAL, "read event without request", result);
    cgpiod_request_release(NULL);
    cgpiod_chip_close(NULL);
}

static void check_input(cgpiod_chip *chip, unsigned int line)
{
    cgpiod_request *request = NULL;
    int result = cgpiod_request_input(chip, line, CONSUMER, false,
                                      CGPIOD_BIAS_PULL_DOWN, CGPIOD_EDGE_BOTH,
                                      0, &request);
    expect(result == 0, "request input with both edges", result);
    if (result)
        return;

    result = cgpiod_request_get_value(request);
    expect(result == 0 || result == 1, "read input", result);
    result = cgpiod_request_set_value(request, 1);
    expect(result == -EPERM, "setting an input is refused", result);
    result = cgpiod_request_fd(request);
    expect(result >= 0, "edge fd", result);
    cgpiod_edge_event event;
    result = cgpiod_request_read_event(request, &event);
    expect(result == 0 || result == 1, "read pending event", result);
    cgpiod_request_release(request);

    /* Kernel debounce exists only in API 2. */
    result = cgpiod_request_input(chip, line, CONSUMER, false,
                                  CGPIOD_BIAS_AS_IS, CGPIOD_EDGE_NONE, 1000,
                                  &request);
    int expected = cgpiod_api_version() == 1 ? -EOPNOTSUPP : 0;
    expect(result == expected, "request debounced input", result);
    if (result)
        return;
    result = cgpiod_request_fd(request);
    expect(result == -EPERM, "no fd without edge detection", result);
    cgpiod_request_release(request);
}

static void check_output(cgpiod_chip *chip, unsigned int line)
{
    cgpiod_request *request = NULL;
    int result = cgpiod_request_output(chip, line, CONSUMER, 1, false,
                                       CGPIOD_DRIVE_PUSH_PULL,
                                       CGPIOD_BIAS_AS_IS, &request);
    expect(result == 0, "request output, initially 1", result);
    if (result)
        return;

    result = cgpiod_request_get_value(request);
    expect(result == 1, "output starts at 1", result);
    result = cgpiod_request_set_value(request, 0);
    expect(result == 0, "set output to 0", result);
    result = cgpiod_request_get_value(request);
    expect(result == 0, "output reads back 0", result);

    cgpiod_line_info info;
    result = cgpiod_chip_line_info(chip, line, &info);
    expect(result == 0 && info.used && strcmp(info.consumer, CONSUMER) == 0 &&
               info.direction == CGPIOD_DIRECTION_OUTPUT,
           "line info names the holder", result);

    cgpiod_request *second = NULL;
    result = cgpiod_request_output(chip, line, CONSUMER, 0, false,
                                   CGPIOD_DRIVE_PUSH_PULL, CGPIOD_BIAS_AS_IS,
                                   &second);
    expect(result == -EBUSY && !second, "a held line gives -EBUSY", result);
    cgpiod_request_release(second);
    cgpiod_request_release(request);
}

static void check_line(const char *path, unsigned int line)
{
    cgpiod_chip *chip = NULL;
    int result = cgpiod_chip_open(path, &chip);
    expect(result == 0, "open the chip", result);
    if (result)
        return;
    printf("%s: %s [%s], %u lines\n", path, cgpiod_chip_name(chip),
           cgpiod_chip_label(chip), cgpiod_chip_num_lines(chip));

    cgpiod_line_info info;
    result = cgpiod_chip_line_info(chip, line, &info);
    expect(result == 0, "line info", result);
    if (result == 0 && info.name[0] != '\0') {
        result = cgpiod_chip_find_line(chip, info.name);
        expect(result >= 0, "find the line by its name", result);
    }
    result = cgpiod_chip_find_line(chip, "cgpiod-probe-no-such-line");
    expect(result == -ENOENT, "an unknown name gives -ENOENT", result);

    check_input(chip, line);
    check_output(chip, line);
    cgpiod_chip_close(chip);
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: cgpiod-probe API [CHIP LINE]\n");
        return 2;
    }
    int api = atoi(argv[1]);
    const char *version = cgpiod_library_version();
    printf("libgpiod %s, API %d\n", version, cgpiod_api_version());
    expect(cgpiod_api_version() == api, "the compiled API",
           cgpiod_api_version());
    expect(version[0] == '0' + api && version[1] == '.',
           "the library version's major number is the API", version[0] - '0');

    if (argc == 2)
        check_without_hardware();
    else
        check_line(argv[2], (unsigned int)strtoul(argv[3], NULL, 10));
    return failures ? 1 : 0;
}
