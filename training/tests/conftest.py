import sys
from pathlib import Path

import pytest

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))

from roomnet_training import data  # noqa: E402


@pytest.fixture(scope="session")
def pool() -> Path:
    if not data.DEFAULT_POOL.is_dir():
        pytest.fail(f"photo pool not found at {data.DEFAULT_POOL} (../shared/datasets/roomtypes)")
    return data.DEFAULT_POOL
