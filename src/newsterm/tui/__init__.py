"""The terminal app: a thin Textual layer over the engine.

Nothing in the engine imports this package; the CLI imports it only when the app is opened.
"""
