"""Screens: the main three-pane view and the dialogs pushed over it."""
