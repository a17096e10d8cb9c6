"""SIGINT and SIGTERM stop a command by an exception that unwinds it; some steps hold them."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from newsterm.support.interrupts import (
    Interrupted,
    exit_status,
    signals_held,
    stopping_on_signals,
)


def send(signum: int) -> None:
    """Signal this process and give the handler its turn (it runs between two bytecodes of the
    main thread): a handler that raises does so in here."""
    os.kill(os.getpid(), signum)
    for _ in range(100):
        time.sleep(0.001)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_signal_raises_interrupted_once(signum: int) -> None:
    before = signal.getsignal(signum)
    with pytest.raises(Interrupted) as caught, stopping_on_signals():
        send(signum)
    assert caught.value.signum == signum
    assert isinstance(caught.value, KeyboardInterrupt)  # code written for Ctrl+C works alike
    assert signal.getsignal(signum) == before  # the previous handler is back


def test_a_second_signal_does_not_cut_the_cleanup_short() -> None:
    cleaned = False
    with pytest.raises(Interrupted), stopping_on_signals():
        try:
            send(signal.SIGINT)
        finally:
            send(signal.SIGTERM)  # ignored while this cleanup runs
            cleaned = True
    assert cleaned


def test_held_signals_arrive_when_the_block_ends() -> None:
    steps = []
    with pytest.raises(Interrupted), stopping_on_signals():
        with signals_held():
            send(signal.SIGINT)
            steps.append("finished the held block")
        steps.append("after it")
    assert steps == ["finished the held block"]


def test_outside_the_main_thread_nothing_changes() -> None:
    """Python sets handlers only from the main thread: elsewhere both are harmless no-ops."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with stopping_on_signals(), signals_held():
                pass
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert not thread.is_alive() and errors == []


def test_exit_status_is_128_plus_the_signal() -> None:
    assert exit_status(signal.SIGINT) == 130
    assert exit_status(signal.SIGTERM) == 143
