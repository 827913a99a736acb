"""The paging rule of the sheets to sign, with pages that hold a known number of rows."""

from __future__ import annotations

import pytest

from desktop.paged_sheet import ROWS_ABOVE_SIGNATURES, page_rows

SIGNATURES = 4  # the signature lines take the room of this many rows


def paged(count: int, holds: int) -> list[list[int]]:
    """page_rows over ``count`` rows, on pages that hold ``holds`` rows, or fewer with the signatures."""
    def page(rows, number, pages):
        last = number == -1 or (pages is not None and number == pages - 1)
        return len(rows) + (SIGNATURES if last else 0)

    return page_rows(list(range(count)), page, lambda size: size <= holds)


@pytest.mark.parametrize("holds", [SIGNATURES + 1, 10, 17])
def test_every_row_once_in_order_and_never_a_bare_signatures_page(holds):
    for count in range(60):
        pages = paged(count, holds)
        assert [row for page in pages for row in page] == list(range(count)), (count, holds)
        assert all(len(page) <= holds for page in pages[:-1]) and len(pages[-1]) + SIGNATURES <= holds
        if len(pages) > 1 and count:
            assert len(pages[-1]) >= min(ROWS_ABOVE_SIGNATURES, holds - SIGNATURES) or not pages[-1]


def test_rows_that_fill_a_page_with_the_signatures_stay_on_it_and_one_more_goes_over():
    assert [len(page) for page in paged(6, 10)] == [6]
    assert [len(page) for page in paged(7, 10)] == [4, 3]  # not 7 and a page of signatures alone
    assert [len(page) for page in paged(0, 10)] == [0]  # an empty division still has its signatures
