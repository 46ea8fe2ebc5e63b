"""Moved to `app.services.duplicates` (kept until the people service imports it from there)."""

from app.services.duplicates import Duplicate, probable_duplicates, warnings_for, warnings_for_batch

__all__ = ["Duplicate", "probable_duplicates", "warnings_for", "warnings_for_batch"]
