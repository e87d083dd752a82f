"""Anonymous visitors reach none of the evaluation panel, the records or the evidence files: they are sent
to sign in, and nothing changes."""

from django.urls import reverse

from ayneh.evaluation.models import Framework


def test_anonymous_visitors_are_sent_to_sign_in(client, spring_1403, khuzestan):
    plan = spring_1403.framework.indicators.get(code="planning.annual_plan")
    key = {"key": spring_1403.uuid}
    urls = [
        reverse("evaluation:panel"),
        reverse("evaluation:panel-period", kwargs=key),
        reverse("evaluation:panel-scoring", kwargs=key),
        reverse("evaluation:panel-objections"),
        reverse("evaluation:records"),
        reverse("evaluation:office-records", kwargs={**key, "code": khuzestan.code}),
        reverse("evaluation:evidence-file", kwargs={**key, "code": khuzestan.code, "indicator": plan.code}),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url
    copy = client.post(reverse("evaluation:panel-framework-copy", kwargs={"key": spring_1403.framework.uuid}))
    assert copy.status_code == 302
    assert Framework.objects.count() == 1
