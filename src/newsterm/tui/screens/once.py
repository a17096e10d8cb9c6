"""Screens that are dismissed once: a second dismiss is a no-op, not a pop of the screen below.

Textual's `Screen.dismiss` pops whatever screen is on top. Keys arrive faster than screens
change: two enters queued on the story view's list post two selections, the second handled
after the first dismissed the view, and it popped the main screen (a blank app, its result
callback run twice). Every screen newsterm pushes and dismisses derives from these.
"""

from __future__ import annotations

import asyncio
from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen

ResultT = TypeVar("ResultT")


def _nothing() -> AwaitComplete:
    return AwaitComplete(asyncio.sleep(0))


class OnceScreen(Screen[ResultT]):
    """A full screen dismissed only while it is the one on top (not `is_current`, which
    also holds for a screen seen under a dialog), so at most once."""

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self.app.screen is not self:  # popped already (the stack changes at once)
            return _nothing()
        return super().dismiss(result)


class OnceModal(ModalScreen[ResultT]):
    """A dialog dismissed at most once, and only while it is the one on top."""

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self.app.screen is not self:  # popped already (the stack changes at once)
            return _nothing()
        return super().dismiss(result)


class ScrollingDialog(OnceModal[None]):
    """A dialog of text in one VerticalScroll, taller than a small terminal: j/k scroll it."""

    def action_scroll(self, step: int) -> None:
        text = self.query_one(VerticalScroll)
        if step > 0:
            text.scroll_down(animate=False)
        else:
            text.scroll_up(animate=False)
