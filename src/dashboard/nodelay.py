"""Send the server's websocket messages when they are written, not 40 ms later.

Streamlit binds its listening socket itself, with `socket.socket(family)`: the socket's
protocol number is 0, and asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
sockets whose protocol number says TCP. With Nagle on, the first small message of a
script run leaves at once and every later one waits until the browser acknowledges it,
which Linux delays by up to 40 ms. So every page load and every widget change reached the
browser in one burst, 40 ms late (docs/PERFORMANCE.md; uvicorn's own pre-bound sockets
have the same cause, Kludex/uvicorn#3149).

uvicorn imports `serve.py` after the listening socket is bound and before it accepts the
first connection, and Linux hands a listening socket's TCP_NODELAY on to every
connection it accepts. So `serve.py` sets it on the process's listening sockets, found
through /proc. Where there is no /proc, nothing changes.
"""

from __future__ import annotations

import os
import socket
import stat

_FDS = "/proc/self/fd"


def listening_sockets_without_delay() -> int:
    """Set TCP_NODELAY on every listening TCP socket of this process; how many there were."""
    try:
        fds = [int(name) for name in os.listdir(_FDS)]
    except OSError:  # no /proc: not Linux
        return 0
    count = 0
    for fd in fds:
        try:
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
            duplicate = os.dup(fd)  # the same socket: its options are shared
        except OSError:  # closed since it was listed
            continue
        try:
            sock = socket.socket(fileno=duplicate)
        except OSError:
            os.close(duplicate)  # left open, it would keep the socket from closing
            continue
        with sock:
            if (
                sock.family in (socket.AF_INET, socket.AF_INET6)
                and sock.type == socket.SOCK_STREAM
                and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
            ):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                count += 1
    return count
