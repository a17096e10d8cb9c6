"""A small pile for the finding features: two stories told by two outlets each (one with
conflicts, one in agreement, a month apart) and a single-source story."""

from __future__ import annotations

from pathlib import Path

from .conftest import BRIDGE_A, BRIDGE_B, ORCHARD

DAM = """Dam on the Vessa river gives way, {outlet} reports
2024-04-0{day}

The old dam on the Vessa river gave way on Sunday and flooded the lower town.
Rescuers said forty families were moved to the school gym overnight.
"""


def write_pile(folder: Path) -> Path:
    """Bridge (Herald, Courier: 12 against 14 killed), dam (Gazette, Herald: agreeing, April),
    orchard (Gazette alone)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Herald - bridge.txt").write_text(BRIDGE_A, encoding="utf-8")
    (folder / "Courier - bridge.txt").write_text(BRIDGE_B, encoding="utf-8")
    (folder / "Gazette - orchard.txt").write_text(ORCHARD, encoding="utf-8")
    (folder / "Gazette - dam.txt").write_text(DAM.format(outlet="Gazette", day=1), "utf-8")
    (folder / "Herald - dam.txt").write_text(DAM.format(outlet="Herald", day=2), "utf-8")
    return folder
