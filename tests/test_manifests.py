"""The deployment files are valid and say what docs/DEPLOY.md says they say.

Kubernetes: every resource validates (strict: no unknown fields) against the schemas of
a current Kubernetes release, offline (`kubernetes-validate`). Compose: the file parses
and validates against the Compose Specification's schema (tests/fixtures/compose_spec).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "deploy" / "kubernetes" / "tracker.yaml"
COMPOSE = ROOT / "deploy" / "docker-compose.yml"
K8S_VERSION = "1.33.0"


def _resources() -> list[dict]:
    return [r for r in yaml.safe_load_all(K8S.read_text()) if r]


def _kind(kind: str) -> dict:
    return next(r for r in _resources() if r["kind"] == kind)


@pytest.mark.parametrize("resource", _resources(), ids=lambda r: r["kind"])
def test_kubernetes_resources_validate(resource):
    kubernetes_validate.validate(resource, K8S_VERSION, strict=True)


def test_a_broken_resource_is_caught():
    broken = json.loads(json.dumps(_kind("Deployment")))
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["port"] = []
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def test_deployment_has_what_the_docs_promise():
    pod = _kind("Deployment")["spec"]["template"]["spec"]
    app = pod["containers"][0]
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert app[probe]["httpGet"]["path"] == "/_stcore/health"
    assert app["resources"]["requests"]["cpu"] and app["resources"]["requests"]["memory"]
    secret = next(e for e in app["env"] if e["name"] == "STREAMLIT_SERVER_COOKIE_SECRET")
    assert secret["valueFrom"]["secretKeyRef"] == {"name": "tracker-cookie", "key": "secret"}
    assert pod["securityContext"]["runAsNonRoot"] and pod["securityContext"]["runAsUser"] == 10001
    assert app["securityContext"]["readOnlyRootFilesystem"] is True
    mounts = {m["mountPath"] for m in app["volumeMounts"]}
    assert mounts == {"/tmp", "/home/tracker"}  # noqa: S108 (paths inside the container)


def test_readers_stay_on_one_pod():
    assert _kind("Service")["spec"]["sessionAffinity"] == "ClientIP"
    annotations = _kind("Ingress")["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600


def test_compose_file_follows_the_compose_specification():
    schema = json.loads(
        (ROOT / "tests" / "fixtures" / "compose_spec" / "compose_spec.json").read_text()
    )
    compose = yaml.safe_load(COMPOSE.read_text())
    jsonschema.Draft201909Validator(schema).validate(compose)
    apps = [s for name, s in compose["services"].items() if name.startswith("app")]
    assert len(apps) == 2
    for app in apps:
        assert app["build"] == ".." and "STREAMLIT_SERVER_COOKIE_SECRET" in app["environment"]
    nginx = compose["services"]["nginx"]
    assert "APP_UPSTREAMS" in nginx["command"] and "LISTEN" in nginx["command"]
    assert "APP_UPSTREAMS" in (ROOT / "deploy" / "nginx.conf").read_text()


def test_a_misspelt_compose_key_is_caught():
    schema = json.loads(
        (ROOT / "tests" / "fixtures" / "compose_spec" / "compose_spec.json").read_text()
    )
    compose = yaml.safe_load(COMPOSE.read_text())
    compose["services"]["app1"]["buidl"] = compose["services"]["app1"].pop("build")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft201909Validator(schema).validate(compose)
