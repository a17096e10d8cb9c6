"""Regenerate docs/screenshot.svg: the app on the seeds, cursor on the first conflict.

python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from newsterm.corpus.load import seeds_path
from newsterm.tui.app import make_app

OUT = Path(__file__).resolve().parent / "screenshot.svg"


async def main() -> None:
    os.chdir(seeds_path().parent)  # paths on screen read "seeds/...", as for a newcomer
    app = make_app()
    async with app.run_test(size=(130, 36)) as pilot:
        main_screen = app.main_screen
        while not (main_screen.ready.is_set() and main_screen.alignment() is not None):
            await pilot.pause(0.05)
        await pilot.press("n")
        await pilot.pause(0.3)
        app.save_screenshot(filename=OUT.name, path=str(OUT.parent))
    print(OUT)


if __name__ == "__main__":
    asyncio.run(main())
