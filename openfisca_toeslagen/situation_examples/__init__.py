"""Example situations, used by the web API's /spec and by the README."""

import json
from pathlib import Path

_HERE = Path(__file__).parent

with open(_HERE / "mark.json", encoding="utf-8") as _file:
    mark = json.load(_file)
