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
made again from today's definitions and the index is refilled (at a million people 22 s, with
the copy first). On a server the documents are written in Python: only the people whose names
hold one of the newly folded letters get theirs written again (`search_documents.
write_documents`): at a million people 100,076 of them, in 6 s. Rewriting all of them (as
``xdesk search --rebuild`` does) took a minute and left the documents' table twice its size
until a ``VACUUM FULL``, which made every search some 10% slower. The database is copied (SQLite) or dumped (server) before any
upgrade. Downgrade changes nothing: the wider key is a superset of the old one, and nothing
but the search reads it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# what 0019 adds to the key (`app.domain.names.NAME_FOLDS`), and their capitals (ı's is I)
NEW_LETTERS = "øłđðþæœıØŁĐÐÞÆŒ"
PERSON_CODE = 1  # people's documents (`search_index.SOURCES`, frozen since 0002)
BATCH = 1000


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        from app.database.search_index import install_0019

        install_0019(bind)
    else:
        from app.database.search_documents import Touched, write_documents

        ids = (
            bind.execute(
                sa.text(
                    "SELECT id FROM people WHERE family_name ~ :letters "
                    "OR given_names ~ :letters ORDER BY id"
                ),
                {"letters": f"[{NEW_LETTERS}]"},
            )
            .scalars()
            .all()
        )
        for start in range(0, len(ids), BATCH):
            touched = Touched()
            touched.ids[PERSON_CODE].update(ids[start : start + BATCH])
            write_documents(bind, touched, through_function=False)


def downgrade() -> None:
    pass
