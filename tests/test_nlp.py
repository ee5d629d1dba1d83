"""The spaCy pipeline loads without spaCy's command-line package, which stays importable."""

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_pipeline_loads_without_the_cli_and_parses():
    words = run(
        "import sys\n"
        "from briefdoc import nlp\n"
        "doc = nlp.parse('The minister said that talks would resume.')\n"
        "print(*[t.dep_ for t in doc])\n"
        "print('weasel' in sys.modules, any(m.startswith('spacy.cli') for m in sys.modules))\n")
    assert words[:3] == ["det", "nsubj", "ROOT"]
    assert words[-2:] == ["False", "False"]


def test_spacy_cli_and_info_still_work_afterwards():
    words = run(
        "from briefdoc import nlp\n"
        "nlp.pipeline()\n"
        "import spacy, spacy.cli\n"
        "from spacy.cli.download import download\n"
        "print(callable(download), spacy.cli.info.__module__, isinstance(spacy.info(), dict))\n")
    assert words == ["True", "spacy.cli.info", "True"]
