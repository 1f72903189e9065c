"""docs/analyse.ipynb runs from top to bottom on the package as it is (so it never goes stale)."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTITIEBOEK = Path(__file__).resolve().parents[2] / "docs" / "analyse.ipynb"


def test_the_analysis_notebook_runs(tmp_path):
    boek = nbformat.read(NOTITIEBOEK, as_version=4)
    NotebookClient(boek, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    uitvoer = [o for cel in boek.cells if cel.cell_type == "code" for o in cel.get("outputs", [])]
    assert not [o for o in uitvoer if o.output_type == "error"]
    teksten = " ".join(str(o.get("data", {}).get("text/html", "")) + str(o.get("text", "")) for o in uitvoer)
    assert "termijnbedrag_verschil_gemiddeld" in teksten and "60000 rows" in teksten  # 20,000 households × 3 policies
    assert any("image/png" in o.get("data", {}) for o in uitvoer)  # the decile chart
