"""A minimal Streamlit websocket client: open a session, ask for one script run, time it.

Speaks the protocol the browser frontend speaks (`/_stcore/stream`, subprotocol
"streamlit", protobuf BackMsg/ForwardMsg), so many sessions can be driven from one
process without a browser each. Loopback only.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class RunResult:
    seconds: float
    ok: bool
    error: str = ""
    chart_s: float | None = None  # when the first chart's message arrived


async def open_session(base_url: str):
    ws_url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
    return await websockets.connect(
        ws_url, subprotocols=["streamlit"], max_size=64 * 2**20, open_timeout=30
    )


async def run_script(
    ws, *, page_name: str = "", query_string: str = "", timeout_s: float = 120
) -> RunResult:
    """Ask the open session to run the page; wait for script_finished."""
    message = BackMsg()
    message.rerun_script.page_name = page_name
    message.rerun_script.query_string = query_string
    start = time.perf_counter()
    await ws.send(message.SerializeToString())
    deadline = start + timeout_s
    chart_s = None
    try:
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return RunResult(time.perf_counter() - start, False, "timeout")
            raw = await asyncio.wait_for(ws.recv(), timeout=remaining)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            if forward.WhichOneof("type") == "script_finished":
                status = forward.script_finished
                ok = status in (
                    ForwardMsg.FINISHED_SUCCESSFULLY,
                    ForwardMsg.FINISHED_EARLY_FOR_RERUN,
                )
                seconds = time.perf_counter() - start
                return RunResult(seconds, ok, "" if ok else f"status {status}", chart_s)
            if (
                chart_s is None
                and forward.WhichOneof("type") == "delta"
                and forward.delta.new_element.WhichOneof("type") == "plotly_chart"
            ):
                chart_s = time.perf_counter() - start
            if (
                forward.WhichOneof("type") == "delta"
                and forward.delta.new_element.WhichOneof("type") == "exception"
            ):
                return RunResult(time.perf_counter() - start, False, "exception on page")
    except (TimeoutError, websockets.ConnectionClosed) as error:
        return RunResult(time.perf_counter() - start, False, type(error).__name__)


async def one_run(base_url: str, *, page_name: str = "", query_string: str = "") -> RunResult:
    start = time.perf_counter()
    try:
        ws = await open_session(base_url)
    except OSError as error:
        return RunResult(time.perf_counter() - start, False, f"connect: {error}")
    async with ws:
        result = await run_script(ws, page_name=page_name, query_string=query_string)
    result.seconds = time.perf_counter() - start
    return result
