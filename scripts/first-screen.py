#!/usr/bin/env python3
"""Time from starting a program on a pseudo-terminal to the first bytes of
MARKER in what it writes: a finer clock than polling tmux, whose every
capture-pane takes a few milliseconds.

    scripts/first-screen.py RUNS MARKER COMMAND [COMMAND...]

Each COMMAND (split on spaces) runs RUNS times, in turn with the others, on
a 100x30 pseudo-terminal; 'q' ends it once MARKER has shown. Prints the
median and the range in milliseconds.
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time


def first_screen(argv, marker):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    start = time.perf_counter()
    seen, took = b"", None
    while took is None:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            break
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        if marker in seen:
            took = (time.perf_counter() - start) * 1000
    try:
        os.write(fd, b"q")
        deadline = time.time() + 2
        while time.time() < deadline and not os.waitpid(pid, os.WNOHANG)[0]:
            if select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 65536)
    except OSError:
        pass
    try:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    except (OSError, ChildProcessError):
        pass
    os.close(fd)
    return took


def main():
    runs, marker, commands = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3:]
    times = {c: [] for c in commands}
    for _ in range(runs):
        for c in commands:
            t = first_screen(c.split(" "), marker)
            if t is not None:
                times[c].append(t)
    for c in commands:
        xs = sorted(times[c])
        if not xs:
            print(f"{c}: no first screen")
            continue
        print(f"{xs[len(xs) // 2]:7.2f} ms median ({xs[0]:.2f}-{xs[-1]:.2f}, {len(xs)} runs)  {c}")


main()
