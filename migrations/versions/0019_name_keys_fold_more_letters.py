"""A name's key folds the letters that have no diacritic to remove (issue 15, item 8).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 19:35:00

Both indexes fold case and diacritics (Núñez is found by "nunez"), but Ø, Ł, Đ, Ð, Þ, Æ, Œ
and the dotless ı are letters of their own, not a letter with a mark: "ostergard" found no
Østergård, "lodz" no Łódź, in the search, the lists' text filter and the participant finder.
A person's names are also indexed by their transliteration key (`app.domain.names.name_key`,
which already turned Mueller into muller), and the key now folds those letters too
(`NAME_FOLDS`: ø -> o, ł -> l, đ and ð -> d, þ -> th, æ -> ae, œ -> oe, ı -> i).

On SQLite the index's triggers compute the key in SQL (`search_index.name_key_sql`): they are
made again from today's definitions and the index is refilled. On a server the documents are
written in Python: they are written again (`search_documents.rebuild`), as ``xdesk search
--rebuild`` does. At a million people that is 22 s on SQLite (with the copy first) and a
minute on a server, once; the database is copied (SQLite) or dumped (server) before any
upgrade. Downgrade changes nothing: the wider key is a superset of the old one, and nothing
but the search reads it.
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        from app.database.search_index import install_0019

        install_0019(bind)
    else:
        from app.database.search_documents import rebuild

        rebuild(bind)


def downgrade() -> None:
    pass
