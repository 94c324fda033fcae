# Drives one headless LibreOffice through UNO for the real-program tests: opens files, types
# into cells through LibreOffice's own input line (so the locale parses what is typed, as for
# a person), sorts, recalculates, and saves as .xlsx or .ods. Reads a JSON job list on stdin.
import json, os, shutil, signal, subprocess, sys, time, uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start(profile):
    pipe = "lo" + uuid.uuid4().hex[:12]
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    # A fresh profile is set up on the first start, which takes long on a busy machine.
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx
        except Exception:
            time.sleep(0.1)
    stop(proc)
    raise RuntimeError("LibreOffice did not start")


def stop(proc):
    # soffice is a wrapper: end its whole process group, soffice.bin included.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


FILTERS = {".xlsx": "Calc MS Excel 2007 XML", ".ods": "calc8", ".pdf": "calc_pdf_Export"}


def sheet_of(doc, name):
    sheets = doc.Sheets
    return sheets.getByName(name) if name else sheets.getByIndex(0)


def type_into(doc, dispatcher, frame, sheet_name, cell, text):
    sheet = sheet_of(doc, sheet_name)
    doc.CurrentController.setActiveSheet(sheet)
    dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", cell),))
    dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", text),))


def run_job(ctx, job):
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(job["in"])), "_blank", 0,
                                       (prop("Hidden", True),))
    frame = doc.CurrentController.Frame
    out = {}
    for step in job.get("steps", []):
        op = step["op"]
        if op == "type":
            type_into(doc, dispatcher, frame, step.get("sheet"), step["cell"], step["text"])
        elif op == "sort":
            # Selects the range and sorts it by one column, as Data → Sort does.
            sheet = sheet_of(doc, step.get("sheet"))
            rng = sheet.getCellRangeByName(step["range"])
            fields = uno.createUnoStruct("com.sun.star.table.TableSortField")
            fields.Field = step["column"]
            fields.IsAscending = step.get("ascending", True)
            desc = rng.createSortDescriptor()
            for p in desc:
                if p.Name == "SortFields":
                    p.Value = uno.Any("[]com.sun.star.table.TableSortField", (fields,))
                elif p.Name == "ContainsHeader":
                    p.Value = False
            rng.sort(desc)
        elif op == "rename":
            sheet_of(doc, step["sheet"]).Name = step["to"]
        elif op == "sleep":
            # Two saves in the same second would carry the same save time.
            time.sleep(step["seconds"])
        elif op == "recalc":
            doc.calculateAll()
        elif op == "read":
            sheet = sheet_of(doc, step.get("sheet"))
            c = sheet.getCellRangeByName(step["cell"])
            out[step.get("as", step["cell"])] = {"string": c.getString(), "value": c.getValue(), "formula": c.getFormula()}
        elif op == "find":
            # The visible text of every cell in a range, to check what a reader sees.
            sheet = sheet_of(doc, step.get("sheet"))
            rng = sheet.getCellRangeByName(step["range"])
            rows = []
            for r in range(rng.Rows.Count):
                rows.append([rng.getCellByPosition(c, r).getString() for c in range(rng.Columns.Count)])
            out[step["as"]] = rows
        else:
            raise ValueError("unknown step " + op)
    for target in job.get("save", []):
        # Saves one after another, each with its own save time (the document stays open).
        ext = os.path.splitext(target)[1].lower()
        doc.storeAsURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                       (prop("FilterName", FILTERS[ext]), prop("Overwrite", True)))
    doc.close(True)
    return out


def main():
    req = json.load(sys.stdin)
    proc, ctx = start(req["profile"])
    results = []
    try:
        for job in req["jobs"]:
            results.append(run_job(ctx, job))
    finally:
        try:
            smgr = ctx.ServiceManager
            smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=10)
        except Exception:
            pass
        stop(proc)
        shutil.rmtree(req["profile"], ignore_errors=True)
    json.dump(results, sys.stdout)


main()
