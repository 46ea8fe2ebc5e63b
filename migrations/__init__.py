"""Alembic migrations of the Exchange Desk schema (run by app.database.migrate)."""
