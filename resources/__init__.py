"""Files the app ships with (face detector, icons, translations, sample face), as package data.

Read through core.resources, never by path arithmetic.
"""
