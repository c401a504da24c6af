"""ChartImage: a chart rendered on the worker and shown as a picture (issue #17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from labapp.ui.common.chart_image import ChartImage
from labapp.ui.common.worker import Worker


@pytest.fixture
def chart(qtbot):
    worker = Worker()
    widget = ChartImage(worker.submit)
    qtbot.addWidget(widget)
    widget.resize(500, 320)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    worker.wait()


def _bars(heights: list[float], title: str):
    def draw(figure) -> None:
        ax = figure.add_subplot()
        ax.bar(range(len(heights)), heights)
        ax.set_ylim(0, 10)
        ax.set_title(title)

    return draw


def _show(qtbot, chart, draw):
    with qtbot.waitSignal(chart.rendered, timeout=30_000) as shown:
        chart.show_chart(draw)
    return shown.args[0]


def _ink(image) -> int:
    """How many pixels are not white (the drawing on a white figure)."""
    white = 0xFFFFFFFF
    return sum(
        image.pixel(x, y) != white
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )


def test_the_picture_shows_the_data_and_changes_with_it(qtbot, chart) -> None:
    first = _show(qtbot, chart, _bars([1, 2, 3], "first"))
    ratio = first.image.devicePixelRatio()
    assert (first.image.width(), first.image.height()) == (
        round(chart.picture.width() * ratio),
        round(chart.picture.height() * ratio),
    )
    assert _ink(first.image) > 0
    second = _show(qtbot, chart, _bars([9, 9, 9], "second"))
    assert chart.image is second.image and chart.figure.axes[0].get_title() == "second"
    assert _ink(second.image) > _ink(first.image)  # taller bars: more ink
    painted = chart.picture.grab().toImage()
    assert _ink(painted) > 0  # the widget paints the picture


def test_chinese_text_uses_a_cjk_font(qtbot, chart) -> None:
    import matplotlib

    from labapp.plotting.fonts import find_cjk_family

    _show(qtbot, chart, _bars([1, 2], "受检率"))
    family = find_cjk_family()
    assert family is not None  # fonts-wqy-microhei or a system CJK family (see ECOSYSTEM.md)
    assert matplotlib.rcParams["font.sans-serif"][0] == family


def test_a_click_is_reported_in_data_coordinates(qtbot, chart) -> None:
    shown = _show(qtbot, chart, _bars([5, 5, 5], "click"))
    ax = shown.figure.axes[0]
    x, y = ax.transData.transform((1.0, 4.0))  # image pixels, bottom-left origin
    image, picture = shown.image, chart.picture
    at = QPoint(
        round(x * picture.width() / image.width()),
        round((image.height() - y) * picture.height() / image.height()),
    )
    with qtbot.waitSignal(chart.clicked, timeout=5_000) as clicked:
        qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, pos=at)
    data_x, data_y = clicked.args
    pixel = ax.transData.inverted().transform((1, 1)) - ax.transData.inverted().transform((0, 0))
    assert abs(data_x - 1.0) <= abs(pixel[0]) * picture.devicePixelRatioF() * 2
    assert abs(data_y - 4.0) <= abs(pixel[1]) * picture.devicePixelRatioF() * 2
    with qtbot.assertNotEmitted(chart.clicked):  # outside the axes: nothing
        qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))


def test_a_resize_renders_again_at_the_new_size(qtbot, chart) -> None:
    first = _show(qtbot, chart, _bars([1, 2, 3], "resize"))
    with qtbot.waitSignal(chart.rendered, timeout=30_000) as again:
        chart.resize(380, 260)
    second = again.args[0]
    assert second.image.size() != first.image.size()
    assert second.figure.axes[0].get_title() == "resize"  # the same drawing


def test_a_failed_render_keeps_the_picture(qtbot, chart) -> None:
    shown = _show(qtbot, chart, _bars([1, 2], "kept"))

    def broken(_figure) -> None:
        raise RuntimeError("a bug in a builder")

    chart.show_chart(broken)
    qtbot.waitUntil(lambda: not chart._in_flight, timeout=30_000)
    assert chart.image is shown.image


def test_export_writes_the_shown_figure(qtbot, chart, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        chart.export(tmp_path / "c.png")  # nothing rendered yet
    assert not chart.export_button.isEnabled()
    _show(qtbot, chart, _bars([1, 2, 3], "export"))
    assert chart.export_button.isEnabled()
    for suffix in ("png", "pdf", "svg"):
        assert chart.export(tmp_path / f"c.{suffix}").stat().st_size > 0
    with pytest.raises(ValueError):
        chart.export(tmp_path / "c.bmp")


def test_a_chart_rendered_hidden_renders_again_at_its_size_when_shown(qtbot) -> None:
    from PySide6.QtWidgets import QTabWidget

    worker = Worker()
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first, hidden = ChartImage(worker.submit), ChartImage(worker.submit)
    tabs.addTab(first, "first")
    tabs.addTab(hidden, "hidden")
    tabs.resize(700, 450)
    tabs.show()
    qtbot.waitExposed(tabs)
    _show(qtbot, hidden, _bars([1, 2], "hidden tab"))
    size = hidden.image.size() / hidden.image.devicePixelRatio()
    with qtbot.waitSignal(hidden.rendered, timeout=30_000) as again:
        tabs.setCurrentIndex(1)
    shown = again.args[0]
    assert (shown.width, shown.height) == (hidden.picture.width(), hidden.picture.height())
    assert (shown.width, shown.height) != (size.width(), size.height())
    worker.wait()
