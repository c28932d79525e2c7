"""Run blocking model calls off the event loop.

``iterate_in_thread`` drives a blocking generator in a worker thread and finishes (closes) it
there, so a model's generator never runs on the event loop, even when the consumer is cancelled.
Consumers that may stop early should use ``contextlib.aclosing(iterate_in_thread(...))`` so the
worker is stopped at once rather than when the async generator is garbage-collected.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


async def iterate_in_thread(factory: Callable[[], Iterator[T]], maxsize: int = 4) -> AsyncIterator[T]:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[object] = asyncio.Queue(maxsize)
    stop = threading.Event()

    def put(item: object) -> None:
        fut = asyncio.run_coroutine_threadsafe(queue.put(item), loop)
        while not stop.is_set():
            try:
                fut.result(timeout=0.1)
                return
            except TimeoutError:
                continue
        fut.cancel()

    def work() -> None:
        gen = None
        try:
            gen = factory()
            for item in gen:
                if stop.is_set():
                    break
                put(item)
        except BaseException as exc:  # re-raised in the consumer
            put(exc)
            return
        finally:
            close = getattr(gen, "close", None)
            if close is not None:
                close()
        put(_DONE)

    worker = asyncio.ensure_future(asyncio.to_thread(work))
    try:
        while True:
            item = await queue.get()
            if item is _DONE:
                break
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        # drain so a worker blocked on put() can finish
        while not queue.empty():
            queue.get_nowait()
        await asyncio.shield(worker)
