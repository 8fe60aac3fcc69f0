"""`handlingar serve` over the sample corpus: every route over HTTP (Flask's client on
the real app and index), then a real browser (Debian's headless Chromium through its
WebDriver): search, filter by a facet, open a document, copy a citation."""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from cli import main
from conftest import V_STATEMENT
from pipeline.ingest import IngestReport
from pipeline.settings import Settings
from pipeline.web.app import create_app
from pipeline.web.server import Serving, start

Corpus = tuple[Settings, IngestReport]
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
needs_browser = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="Chromium and chromium-driver are not installed (make system)"
)


@pytest.fixture(scope="module")
def client(corpus_index: Corpus) -> FlaskClient:
    return create_app(corpus_index[0]).test_client()


def page(client: FlaskClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def test_search_page_shows_the_three_hits_highlighted_with_pages(client: FlaskClient) -> None:
    html = page(client, "/search?q=trygghetsdialog")
    assert "3 träffar för ”trygghetsdialog”" in html and html.count('<article class="hit">') == 3
    assert "<mark>Trygghetsdialoger</mark>" in html and "<strong>s. 2</strong>" in html
    assert "även i:" in html and 'data-facet="year"' in html


def test_a_search_the_filters_emptied_says_which_and_links_without_it(client: FlaskClient) -> None:
    html = page(client, "/search?q=vapen&party=S&kind=protokollsanteckning")
    assert "Inga träffar med slag protokollsanteckning och parti S; utan parti S: 1 träff" in html
    assert 'href="/search?q=vapen&amp;kind=protokollsanteckning">sök utan parti S</a>' in html
    assert "Menade du" not in html  # 'vapen' is a word of the index


def test_a_facet_link_narrows_the_search(client: FlaskClient) -> None:
    narrowed = page(client, "/search?q=trygghetsdialog&year=2020")
    assert "1 träff för" in narrowed and "×" in narrowed


def test_quotes_page_has_the_v_quote_with_its_citation(client: FlaskClient) -> None:
    html = page(client, "/quotes?q=vapen&party=V")
    assert "”För många unga är det lättare att få ett vapen i händerna än ett jobb.”" in html
    assert "— Vänsterpartiet (Nujin Alacabek, Aysegül Balci), protokollsanteckning" in html
    assert "Kopiera citat" in html


def test_quotes_page_pages_through_many_quotes(client: FlaskClient) -> None:
    every = json.loads(page(client, "/api/quotes?q=och"))
    assert len(every) > 100  # all of them in the API
    assert json.loads(page(client, "/api/quotes?q=och&limit=5&offset=50")) == every[50:55]
    pages = [page(client, f"/quotes?q=och&offset={offset}") for offset in (0, 50, 100)]
    shown = [html.count("<blockquote>") for html in pages]
    assert shown == [50, 50, len(every) - 100]
    told = re.search(r"(minst )?(\d+) citat för ”och” \(visar 51–100\)", pages[1])
    assert told and (100 <= int(told[2]) < len(every) if told[1] else int(told[2]) == len(every))
    assert 'rel="next"' in pages[0] and 'rel="prev"' not in pages[0]
    assert 'rel="next"' not in pages[2] and "offset=50" in pages[2]
    first_of_second = every[50]["quote"].replace("\n", " ")
    assert first_of_second[:40] in pages[1].replace("&#34;", '"').replace("&#39;", "'")


def test_compare_page_shows_the_table(client: FlaskClient) -> None:
    html = page(client, "/compare?plan=2020&report=2021")
    assert "<table" in html and "genomförd" in html and "ej redovisad" in html and "(s. 7)" in html


def test_trend_page_and_documents(client: FlaskClient) -> None:
    shown = page(client, "/trend?q=trygghet&by=party")
    assert 'class="bar"' in shown and "stapeln: träffar per 100 sidor där partiet agerar" in shown
    assert '<th class="num">Sidor</th>' in shown and 'aria-label="72,7 träffar per 100 sidor"' in shown
    assert "Verksamhetsplan för trygghets- och delaktighetsberedningen 2020" in page(client, "/documents")


def test_api_search_equals_search_json(client: FlaskClient, corpus_index: Corpus) -> None:
    folder = str(corpus_index[0].index_dir)
    cli = CliRunner().invoke(main, ["search", "trygghetsdialog", "--json", "--index", folder])
    assert json.loads(page(client, "/api/search?q=trygghetsdialog")) == json.loads(cli.output)


@pytest.mark.parametrize(
    ("url", "command"),
    [
        ("/api/quotes?q=vapen&party=V", ["quotes", "vapen", "--party", "V"]),
        ("/api/trend?q=trygghet&by=year", ["trend", "trygghet", "--by", "year"]),
        ("/api/compare?plan=2020&report=2021", ["compare", "--plan", "2020", "--report", "2021"]),
        ("/api/documents", ["documents"]),
    ],
)
def test_every_api_equals_the_command_line(
    client: FlaskClient, corpus_index: Corpus, url: str, command: list[str]
) -> None:
    folder = str(corpus_index[0].index_dir)
    cli = CliRunner().invoke(main, [*command, "--json", "--index", folder])
    assert cli.exit_code == 0, cli.output
    assert json.loads(page(client, url)) == json.loads(cli.output)


def document_id(client: FlaskClient, name: str) -> str:
    docs = json.loads(page(client, "/api/documents"))
    return str(next(d["id"] for d in docs if any(p.endswith(name) for p in d["paths"])))


def test_a_document_page_has_its_parts_text_marks_and_the_page_image(client: FlaskClient) -> None:
    doc = document_id(client, V_STATEMENT)
    html = page(client, f"/document/{doc}?q=vapen&page=4")
    assert "<mark>vapen</mark>" in html and 'id="s4"' in html
    assert f'src="/document/{doc}/page/4.png"' in html
    image = client.get(f"/document/{doc}/page/4.png")
    assert image.status_code == 200 and image.data.startswith(b"\x89PNG") and image.mimetype == "image/png"
    data = json.loads(page(client, f"/api/document/{doc}?q=vapen"))
    marked = [p for p in data["content"] if p["marks"]]
    assert marked and all(p["text"][s:e].lower().startswith("vap") for p in marked for s, e in p["marks"])


@pytest.mark.parametrize(
    "url",
    [
        "/../../etc/passwd",
        "/document/..%2F..%2Fetc%2Fpasswd",
        "/document/" + "f" * 64,
        "/document/" + "f" * 64 + "/page/1.png",
        "/document/etc/passwd/page/1.png",
        "/api/document/" + "0" * 64,
    ],
)
def test_no_path_from_a_request_reaches_the_file_system(client: FlaskClient, url: str) -> None:
    assert client.get(url).status_code == 404


def test_values_from_a_query_are_escaped(client: FlaskClient) -> None:
    html = page(client, "/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_a_bad_query_or_year_is_a_clear_400(client: FlaskClient) -> None:
    assert "går inte jämnt ut" in page(client, "/search?q=%22open", 400)
    assert json.loads(page(client, "/api/search?q=x&year=twenty", 400))["error"].startswith("--year")


def test_serving_never_writes_to_the_index(corpus_index: Corpus, tmp_path: Path) -> None:
    copy = tmp_path / "ro"
    shutil.copytree(corpus_index[0].index_dir, copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        ro = create_app(Settings(index_dir=copy, cache_dir=corpus_index[0].cache_dir)).test_client()
        assert "3 träffar" in page(ro, "/search?q=trygghetsdialog")
    finally:
        for path in [copy, *copy.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.fixture(scope="module")
def served(corpus_index: Corpus) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, served as `serve` serves it (waitress, answer threads)."""
    started = start(corpus_index[0], Serving(port=0))
    threading.Thread(target=started.server.run, daemon=True).start()
    yield started.url.rstrip("/")
    started.server.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1400"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    yield driver
    driver.quit()


@pytest.mark.browser
@needs_browser
def test_in_a_browser_search_filter_open_and_copy(served: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(served + "/search")
    box = browser.switch_to.active_element  # the search box has the focus: type at once
    box.send_keys("trygghetsdialog", Keys.ENTER)
    wait.until(lambda b: "3 träffar" in b.find_element(By.ID, "total").text)
    assert len(browser.find_elements(By.CSS_SELECTOR, "article.hit mark")) >= 3

    browser.find_element(By.CSS_SELECTOR, 'a.facet[data-facet="year"][href*="2020"]').click()
    wait.until(lambda b: b.find_element(By.ID, "total").text.startswith("1 träff"))
    assert "year=2020" in browser.current_url  # the URL holds the whole search

    browser.find_element(By.CSS_SELECTOR, "article.hit h2 a").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.page mark"))
    assert "Verksamhetsplan för trygghets- och delaktighetsberedningen 2020" in browser.title

    browser.get(served + "/quotes?q=vapen&party=V")
    button = browser.find_elements(By.CSS_SELECTOR, "button.copy")[-1]
    button.click()
    wait.until(lambda b: button.text == "Kopierat")
    copied = browser.find_element(By.TAG_NAME, "body").get_attribute("data-copied")
    quote = "”För många unga är det lättare att få ett vapen i händerna än ett jobb.”"
    assert copied.startswith(quote + " — Vänsterpartiet (Nujin Alacabek, Aysegül Balci)")


# A line of a real page (Brf Björk och Plaza's signing service's foot): 128 characters, no space.
UNBROKEN = (
    "Fingerprint:559a6122dd99c97fc547a1bbbf4c500cc0cd7b3165048b0ee83e47fa1cac5b2834b8bf"
    "550fbae2986ef3cfa603a9e8518d5b4fdee3add04c2dc9a55480db7eb0"
)
FITS = """const width = document.documentElement.clientWidth, aside = document.querySelector('aside');
return [document.documentElement.scrollWidth <= width,
        !aside || aside.getBoundingClientRect().right <= width];"""


@pytest.mark.browser
@needs_browser
@pytest.mark.parametrize("width", [400, 1280])
def test_the_search_page_fits_the_screen(served: str, browser: Any, width: int) -> None:
    """At 400 and 1,280 px nothing runs off the page, the facets neither, though a hit holds a
    string that cannot break at a space (a long path, address or signature)."""
    browser.set_window_size(width, 900)
    for url in ("/search?q=trygghet", "/trend?q=trygghet&by=board", "/documents", "/quotes?q=trygghet"):
        browser.get(served + url)
        assert browser.execute_script(FITS) == [True, True], (width, url)
    browser.get(served + "/search?q=trygghet")
    browser.execute_script("document.querySelector('p.snippet').textContent = arguments[0]", UNBROKEN)
    assert browser.execute_script(FITS) == [True, True]
    browser.set_window_size(1200, 1400)


def test_the_servers_own_error_pages_are_swedish(client: FlaskClient) -> None:
    """An unknown address or a method a page does not take: werkzeug's English pages are
    replaced by the page's own, in Swedish, with the status kept; the API answers JSON."""
    html = page(client, "/ingen-sådan-sida", 404)
    assert "Sidan finns inte." in html and "Not Found" not in html
    assert client.get("/api/ingen-sådan").get_json() == {"error": "Sidan finns inte."}
    refused = client.delete("/search")
    assert refused.status_code == 405
    assert "Den metoden går inte" in refused.get_data(as_text=True)
