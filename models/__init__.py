"""The bundled scoring model and its card, shipped as package data (read through core.resources)."""
