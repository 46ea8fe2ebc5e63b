"""The desktop application (PySide6).

Importing this package applies `app.pyside_fix.keep_singletons_alive` (a PySide6 6.12 defect on
Python 3.11 that would otherwise abort long sessions).
"""

from app.pyside_fix import keep_singletons_alive

keep_singletons_alive()
