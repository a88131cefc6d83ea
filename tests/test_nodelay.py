"""Nagle's algorithm off on the served app's connections (dashboard.nodelay).

Streamlit binds its listening socket with protocol number 0, so asyncio leaves Nagle's
algorithm on, and every script run's messages after the first reach the browser up to
40 ms late. `serve.py` turns it off on the listening socket; Linux hands that on to
every connection accepted. What it saves is measured by `make bench-app` ("Messages
delivered over the websocket").
"""

import os
import socket
import subprocess
import sys
import textwrap

import pytest

from dashboard.nodelay import listening_sockets_without_delay
from tests.apprunner import ROOT


def _accepted_no_delay(listener: socket.socket) -> int:
    with socket.create_connection(listener.getsockname()):
        accepted, _address = listener.accept()
        with accepted:
            return accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def _bound_as_streamlit_binds() -> socket.socket:
    """A listening socket made as Streamlit's server makes it: protocol number 0."""
    listener = socket.socket(family=socket.AF_INET)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    return listener


def test_a_socket_bound_as_streamlit_binds_it_leaves_nagle_on():
    """The cause: nothing turns Nagle's algorithm off on such a socket's connections."""
    with _bound_as_streamlit_binds() as listener:
        assert listener.proto == 0
        assert _accepted_no_delay(listener) == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="found through /proc")
def test_connections_accepted_after_the_call_send_at_once():
    with _bound_as_streamlit_binds() as listener:
        assert listening_sockets_without_delay() >= 1
        assert _accepted_no_delay(listener) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="found through /proc")
def test_no_descriptor_is_left_open():
    """A duplicate left open keeps a pipe's other end from seeing it close: the test
    session once hung at its end, its browser driver waiting for an end of input."""
    read_end, write_end = os.pipe()
    try:
        before = sorted(os.listdir("/proc/self/fd"))
        with _bound_as_streamlit_binds():
            opened = sorted(os.listdir("/proc/self/fd"))
            listening_sockets_without_delay()
            assert sorted(os.listdir("/proc/self/fd")) == opened
        assert sorted(os.listdir("/proc/self/fd")) == before
    finally:
        os.close(read_end)
        os.close(write_end)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="found through /proc")
def test_a_connected_socket_is_left_alone():
    """Only listening sockets are touched: a client connection keeps what it has."""
    with (
        _bound_as_streamlit_binds() as listener,
        socket.create_connection(listener.getsockname()) as client,
    ):
        listening_sockets_without_delay()
        assert client.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="found through /proc")
def test_loading_serve_py_turns_nagle_off_on_the_bound_socket():
    """uvicorn binds the socket, then imports serve.py, then accepts: loading serve.py in a
    process that is already listening must turn Nagle off for the connections to come."""
    script = textwrap.dedent(
        f"""
        import runpy, socket
        listener = socket.socket(family=socket.AF_INET)
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        runpy.run_path({str(ROOT / "serve.py")!r})
        with socket.create_connection(listener.getsockname()):
            accepted, _ = listener.accept()
            print(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "1"
