#!/usr/bin/env python3
"""Reads an .xlsx file back the way a spreadsheet program would, for the XLSXWriter tests.

Run by the Swift tests as a subprocess from the repository root:

    .venv/bin/python tests/support/xlsx_probe.py FILE.xlsx

Prints one JSON object to stdout and exits 0:
    {"sheets": [{"name":         the tab's name,
                 "freeze_panes": top-left cell of the scrolling pane ("A2" for a frozen header row) or null,
                 "auto_filter":  the filtered range ("A1:E4") or null,
                 "widths":       {column letter: width in Excel character units, for columns given one},
                 "header_bold":  [whether each cell of row 1 is bold],
                 "rows":         [[{"value": v, "type": "int"|"float"|"str"|"datetime"|"NoneType",
                                   "data_type": openpyxl's "n", "s", "d", "f" (formula)...,
                                   "format": the cell's number format}]]}]}

The workbook is opened with openpyxl in its normal mode, not read_only, which has no formats or
widths. A number with a date format comes back as a datetime, written here in ISO form
("2026-01-05T00:00:00"). Exits 2 with a message on stderr when the file cannot be read.
"""
import datetime
import json
import sys
import warnings

import openpyxl


def read_sheet(ws):
    header = next(ws.iter_rows(min_row=1, max_row=1), ())
    return {
        "name": ws.title,
        "freeze_panes": ws.freeze_panes,
        "auto_filter": ws.auto_filter.ref,
        "widths": {letter: dim.width for letter, dim in ws.column_dimensions.items() if dim.customWidth},
        "header_bold": [bool(cell.font and cell.font.b) for cell in header],
        "rows": [[read_cell(cell) for cell in row] for row in ws.iter_rows()],
    }


def read_cell(cell):
    value = cell.value
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    return {"value": value, "type": type(cell.value).__name__, "data_type": cell.data_type,
            "format": cell.number_format}


def main(argv):
    if len(argv) != 2:
        print("usage: xlsx_probe.py FILE.xlsx", file=sys.stderr)
        return 2
    # The Swift side reads stdout and stderr through one pipe: a warning would spoil the JSON.
    warnings.simplefilter("ignore")
    try:
        workbook = openpyxl.load_workbook(argv[1])
        report = {"sheets": [read_sheet(ws) for ws in workbook.worksheets]}
    except Exception as error:  # the caller wants one clear line, not a traceback
        print(f"xlsx_probe: {argv[1]}: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    json.dump(report, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
