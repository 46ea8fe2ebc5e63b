"""Import and export of records as CSV or JSON, through the services and their rules.

Imports read a file whose header names the fields (``resources/help/data-formats.md``, shown
in the desktop application under Help) and create the rows in batches through `BulkCreate`:
every row is validated and labelled exactly as in a form
(the kind's checks and duplicate warnings asked once per batch), the good rows written with
SQLAlchemy Core and indexed for search in bulk. One ``import`` audit event stands for them all:
it names the file, its SHA-256, the counts and the mode. Exports read only what the user may see, a
page at a time,
and write the same columns back (so an export re-imports); each export is audited.

Split along its jobs: `readers` (CSV and JSON rows, the columns of a kind, spreadsheet-safe
cells), `importing` (`import_file`), `exporting` (`export_records`; `export_file`: a file with
its label beside it).
"""

from app.services.transfer.exporting import (
    PAGE_SIZE,
    ExportResult,
    export_file,
    export_records,
    record_row,
)
from app.services.transfer.importing import (
    IMPORT_BATCH,
    ImportResult,
    Progress,
    RowProblem,
    import_file,
)
from app.services.transfer.readers import (
    FORMULA_STARTS,
    canonical_kind,
    columns,
    columns_for,
    file_sha256,
    from_spreadsheet_safe,
    service_for,
    spreadsheet_safe,
)

__all__ = [
    "FORMULA_STARTS",
    "IMPORT_BATCH",
    "PAGE_SIZE",
    "ExportResult",
    "ImportResult",
    "Progress",
    "RowProblem",
    "canonical_kind",
    "columns",
    "columns_for",
    "export_file",
    "export_records",
    "file_sha256",
    "from_spreadsheet_safe",
    "import_file",
    "record_row",
    "service_for",
    "spreadsheet_safe",
]
