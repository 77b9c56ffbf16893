"""Bad query parameters are a 400 whose body names the parameter; never a 500."""
import pytest

pytestmark = pytest.mark.django_db

BAD_CLAIM_PARAMS = [
    ({"date_after": "2023-13-01"}, "date_after"),
    ({"date_before": "yesterday"}, "date_before"),
    ({"date_after": "03/27/2023"}, "date_after"),
    ({"topic": "no-such-topic"}, "topic"),
    ({"topic": ["alignment", "no-such-topic"]}, "topic"),
    ({"topic": "bad slug!"}, "topic"),
    ({"topic": "a\x00b"}, "topic"),
    ({"topic_id": "x"}, "topic_id"),
    ({"speaker": "nobody"}, "speaker"),
    ({"speaker_id": "-1"}, "speaker_id"),
    ({"interview": "no-such-interview"}, "interview"),
    # Percent signs in values once crashed the error formatting (found by schemathesis).
    ({"speaker": "%s%(x)s%"}, "speaker"),
    ({"topic_id": "%d"}, "topic_id"),
    ({"hedged": "100%"}, "hedged"),
    ({"type": "rumour"}, "type"),
    ({"status": "deleted"}, "status"),
    ({"is_prediction": "maybe"}, "is_prediction"),
    ({"hedged": "2"}, "hedged"),
    ({"ordering": "statement"}, "ordering"),
    ({"ordering": "-id"}, "ordering"),
    ({"page_size": "0"}, "page_size"),
    ({"page_size": "1001"}, "page_size"),
    ({"page_size": "ten"}, "page_size"),
    ({"page_size": "-5"}, "page_size"),
    ({"q": "x" * 201}, "q"),
    ({"q": "nul\x00byte"}, "q"),
    ({"cursor": "garbage"}, "cursor"),
    ({"cursor": "eyJvIjoiZGF0ZSIsInAiOlsiMjAyMyIsMV19"}, "cursor"),  # {"o":"date","p":["2023",1]}: bad date
    ({"cursor": "eyJvIjoiLWRhdGUiLCJwIjpbbnVsbCwxXX0"}, "cursor"),  # made for -date, used with date
]


@pytest.mark.parametrize("parameter", ["topic_id", "speaker_id", "interview_id"])
def test_an_id_that_names_nothing_is_a_400_as_an_unknown_slug_is(world, anon, parameter):
    # before: 200 and an empty list, which reads as "this speaker said nothing"
    response = anon.get("/api/claims/", {parameter: "99999"})
    assert response.status_code == 400, response.content
    noun = parameter.removesuffix("_id")
    assert response.json() == {parameter: [f"Unknown {noun} id: 99999."]}


@pytest.mark.parametrize(("cursor", "message"), [
    ("garbage", "Invalid cursor: not one this API gave; follow the next/previous links as given."),
    ("eyJvIjoiZGF0ZSIsInAiOlsiMjAyMyIsMV19", "Invalid cursor: not one this API gave; follow the next/previous links as given."),
    ("eyJvIjoiLWRhdGUiLCJwIjpbbnVsbCwxXX0",
     "Invalid cursor: it was made for ordering '-date', not 'date'; follow the next/previous links as given."),
])
def test_a_bad_cursor_says_why_in_words_not_the_decoders(world, anon, cursor, message):
    # before: "Invalid cursor (unexpected character: line 1 column 1 (char 0)); ..."
    response = anon.get("/api/claims/", {"cursor": cursor, "ordering": "date"})
    assert response.status_code == 400 and response.json() == {"cursor": [message]}


@pytest.mark.parametrize(("params", "parameter"), BAD_CLAIM_PARAMS, ids=[p for _, p in BAD_CLAIM_PARAMS])
def test_a_bad_claims_parameter_is_a_400_naming_it(world, anon, params, parameter):
    response = anon.get("/api/claims/", params)
    assert response.status_code == 400, response.content
    body = response.json()
    assert parameter in body
    assert all(isinstance(message, str) and message for message in body[parameter])


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"target_before": "2030-02-30"}, "target_before"),
        ({"target_after": "soon"}, "target_after"),
        ({"status": "pending"}, "status"),
        ({"speaker": "nobody"}, "speaker"),
        ({"topic": "nothing"}, "topic"),
        ({"ordering": "claim"}, "ordering"),
        ({"page_size": "100000"}, "page_size"),
    ],
)
def test_a_bad_predictions_parameter_is_a_400_naming_it(world, anon, params, parameter):
    response = anon.get("/api/predictions/", params)
    assert response.status_code == 400
    assert parameter in response.json()


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/api/topics/", {"page_size": "0"}, "page_size"),
        ("/api/speakers/", {"page": "abc"}, "page"),
        ("/api/interviews/", {"date_after": "2023-1-1x"}, "date_after"),
        ("/api/interviews/", {"speaker": "ghost"}, "speaker"),
        ("/api/interviews/", {"speaker": "%="}, "speaker"),
        ("/api/predictions/", {"speaker": ["%s", "%(a)s"]}, "speaker"),
    ],
)
def test_bad_parameters_on_the_small_lists_are_400(world, anon, url, params, parameter):
    response = anon.get(url, params)
    assert response.status_code == 400
    assert parameter in response.json()


@pytest.mark.parametrize(("url", "start", "end"), [
    ("/api/claims/", "date_after", "date_before"),
    ("/api/predictions/", "target_after", "target_before"),
    ("/api/predictions/", "date_after", "date_before"),
    ("/api/interviews/", "date_after", "date_before"),
])
def test_a_range_that_ends_before_it_starts_is_a_400_naming_both_ends(world, anon, url, start, end):
    response = anon.get(url, {start: "2024-01-01", end: "2020-01-01"})
    assert response.status_code == 400, response.content
    assert response.json() == {start: [f"{start} 2024-01-01 is after {end} 2020-01-01: swap them."]}


@pytest.mark.parametrize(("url", "start", "end"), [
    ("/api/claims/", "date_after", "date_before"),
    ("/api/predictions/", "target_after", "target_before"),
    ("/api/predictions/", "date_after", "date_before"),
    ("/api/interviews/", "date_after", "date_before"),
])
def test_a_range_of_one_day_still_answers(world, anon, url, start, end):
    response = anon.get(url, {start: "2020-05-08", end: "2020-05-08"})
    assert response.status_code == 200, response.content


@pytest.mark.parametrize(("url", "query", "parameter", "values"), [
    ("/api/claims/", "hedged=true&hedged=false", "hedged", "('true', 'false')"),
    ("/api/claims/", "q=alignment&q=zebra", "q", "('alignment', 'zebra')"),
    ("/api/claims/", "date_after=2020-01-01&date_after=2023-01-01", "date_after", "('2020-01-01', '2023-01-01')"),
    ("/api/claims/", "ordering=date&ordering=-date", "ordering", "('date', '-date')"),
    ("/api/claims/", "page_size=1&page_size=5", "page_size", "('1', '5')"),
    ("/api/claims/", "format=csv&format=json", "format", "('csv', 'json')"),
    ("/api/predictions/", "target_before=2030-01-01&target_before=2025-01-01", "target_before", "('2030-01-01', '2025-01-01')"),
    ("/api/speakers/", "page=1&page=2", "page", "('1', '2')"),
])
def test_a_one_value_parameter_given_twice_differently_is_a_400_naming_it(world, anon, url, query, parameter, values):
    # Django reads the last of them: the first was dropped without a word
    response = anon.get(f"{url}?{query}")
    assert response.status_code == 400, response.content
    assert response.json() == {parameter: [f"Given 2 different values {values}; this parameter takes one."]}


@pytest.mark.parametrize("query", [
    "topic=agi&topic=robotics", "status=approved&status=proposed", "type=prediction&type=opinion",
    "speaker=lex-fridman&speaker=craig-smith", "hedged=true&hedged=true", "q=&q=alignment",
])
def test_repeatable_parameters_and_plain_repeats_still_answer(world, anon, query):
    assert anon.get(f"/api/claims/?{query}").status_code == 200


@pytest.mark.parametrize(("url", "formats"), [
    ("/api/claims/", "json, api, csv, jsonl"),
    ("/api/predictions/", "json, api, csv, jsonl"),
    ("/api/topics/", "json, api"),
    ("/api/interviews/lex-2020/", "json, api"),
])
def test_an_unknown_format_is_a_400_naming_the_formats_not_a_404(world, anon, url, formats):
    response = anon.get(url, {"format": "xml"})
    assert response.status_code == 400, response.content
    assert response.json() == {"format": [f"Unknown format 'xml'; this endpoint answers in: {formats}."]}


def test_page_last_answers_the_last_page_of_a_small_list(world, anon):
    # the page check let "last" through but handed it to Django's paginator as is: 404 "Invalid page."
    response = anon.get("/api/topics/", {"page": "last", "page_size": 4})
    assert response.status_code == 200, response.content
    assert response.json()["next"] is None
    assert [t["slug"] for t in response.json()["results"]] == ["robotics", "scaling"]


def test_page_zero_is_a_400_like_any_other_non_page(world, anon):
    response = anon.get("/api/speakers/", {"page": "0"})
    assert response.status_code == 400
    assert response.json() == {"page": ["Must be a page number (1, 2, ... or last); got '0'."]}


@pytest.mark.parametrize(("params", "message"), [
    ({"page": "2"}, "No page 2: there is 1 page."),
    ({"page": "99999", "page_size": "2"}, "No page 99999: there are 3 pages."),
])
def test_a_page_past_the_end_is_a_404_saying_how_many_pages_there_are(world, anon, params, message):
    response = anon.get("/api/topics/", params)
    assert response.status_code == 404
    assert response.json() == {"detail": message}


def test_several_bad_parameters_are_all_named(world, anon):
    response = anon.get("/api/claims/", {"date_after": "x", "topic": "nope", "ordering": "zz"})
    assert response.status_code == 400
    assert set(response.json()) == {"date_after", "topic", "ordering"}


def test_an_unknown_topic_message_names_the_slug(world, anon):
    assert anon.get("/api/claims/", {"topic": "nope"}).json() == {"topic": ["Unknown topic: 'nope'."]}


def test_a_bad_parameter_in_a_csv_request_is_still_a_400(world, anon):
    response = anon.get("/api/claims/", {"format": "csv", "date_after": "x"})
    assert response.status_code == 400
    assert b"date_after" in response.content


def test_empty_parameters_are_ignored(world, anon):
    response = anon.get("/api/claims/", {"topic": "", "date_after": "", "q": "", "type": "", "page_size": ""})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 8


def test_unknown_routes_and_lookups_are_404_not_500(world, anon):
    for url in ("/api/interviews/no-such/", "/api/interviews/no-such/transcript/", "/api/topics/nope/",
                "/api/speakers/nobody/", "/api/predictions/0/", "/api/topics/a%20b/"):
        assert anon.get(url).status_code == 404, url


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [
        # a misspelt filter once answered 200 with every claim, as if the filter had matched them all
        ("/api/claims/", {"speakr": "ilya"}, "Unknown query parameter 'speakr'; did you mean 'speaker'?"),
        ("/api/claims/", {"search": "scaling"}, "Unknown query parameter 'search'; did you mean 'q'?"),
        ("/api/claims/", {"limit": "5"}, "Unknown query parameter 'limit'; did you mean 'page_size'?"),
        ("/api/predictions/", {"made_after": "2020-01-01"}, "Unknown query parameter 'made_after'; did you mean 'date_after'?"),
        ("/api/topics/", {"q": "alignment"}, "Unknown query parameter 'q'; this endpoint takes: format, page, page_size."),
        ("/api/interviews/some-slug/transcript/", {"speaker": "x"}, "Unknown query parameter 'speaker'; this endpoint takes: format."),
    ],
)
def test_an_unknown_query_parameter_is_a_400_naming_it_and_what_the_endpoint_takes(world, anon, url, params, message):
    response = anon.get(url, params)
    assert response.status_code == 400, response.content
    [(name, [text])] = response.json().items()
    assert name == next(iter(params))
    assert text.startswith(message), text


def test_what_an_endpoint_takes_is_what_its_schema_documents(world, anon):
    schema = anon.get("/api/schema/", {"format": "json"}).json()
    documented = {p["name"] for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    text = anon.get("/api/claims/", {"nope": "1"}).json()["nope"][0]
    assert set(text.split("this endpoint takes: ")[1].rstrip(".").split(", ")) == documented


def test_known_parameters_and_underscored_cache_busters_still_answer(world, anon):
    assert anon.get("/api/claims/", {"q": "", "_": "1700000000"}).status_code == 200
    assert anon.get("/api/topics/", {"page": "1", "page_size": "5", "format": "json"}).status_code == 200
    assert anon.get("/api/claims/", {"format": "csv", "topic": "alignment"}).status_code == 200


@pytest.mark.parametrize("url", ["/api/claims/abc/", "/api/claims/1/extra/", "/api/clams/", "/api/topics/caf%C3%A9/"])
def test_a_path_no_api_route_takes_is_a_json_404_pointing_at_the_root(world, anon, url):
    # it was Django's HTML page: a client reading JSON got markup
    response = anon.get(url)
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert "the API root http://testserver/api/ lists the endpoints" in response.json()["detail"]


def test_an_api_path_without_its_slash_still_redirects_to_it(world, anon):
    response = anon.get("/api/claims")
    assert (response.status_code, response["Location"]) == (301, "/api/claims/")


@pytest.mark.parametrize(("url", "params", "message"), [
    ("/api/claims/", {"ordering": "newest"}, {"ordering": ["'newest' is not one of: date, -date, speaker, -speaker, position, -position."]}),
    ("/api/claims/", {"status": "published"}, {"status": ["'published' is not one of: proposed, approved, rejected."]}),
    ("/api/claims/", {"type": "opinion,rumour"}, {"type": ["'rumour' is not one of: opinion, factual, prediction, biographical, normative."]}),
    ("/api/predictions/", {"status": "true"}, {"status": ["'true' is not one of: open, came_true, did_not_happen, partially, unresolvable, resolved."]}),
    ("/api/predictions/", {"ordering": "%(x)s"}, {"ordering": ["'%(x)s' is not one of: target, -target, date, -date."]}),
])
def test_a_value_outside_a_choice_is_a_400_listing_the_choices(world, anon, url, params, message):
    # Django's own message, "Select a valid choice. x is not one of the available choices.", listed none
    response = anon.get(url, params)
    assert response.status_code == 400 and response.json() == message
