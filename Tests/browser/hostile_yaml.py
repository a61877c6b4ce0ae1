"""The issue's hostile YAML, as text: sent through the attempt API by test_hostile_input.py and timed by Scripts/bench.py.

Plain Python, no test dependencies, so that the benchmark can import it. (The 10 MB document and invalid UTF-8 are not
here: a JSON body cannot carry invalid UTF-8, and the API refuses bodies over 1 MiB; the benchmark makes them as files.)
"""


def billion_laughs():
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for letter in "bcdefghij":
        text += f"{letter}: &{letter} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = letter
    return text


SERVICE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n"

HOSTILE_YAML = {
    "billion laughs": billion_laughs(),
    "10,000-deep nesting": "a: " + "[" * 10_000 + "]" * 10_000,
    "NUL byte": "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\u0000b\n",
    "10,000 documents": "---\na: 1\n" * 10_000,
    "a 1 MB key": "k" * 1_000_000 + ": v\n",
    "1e309 and a 20-digit number": SERVICE.replace("port: 80", "port: 1e309") + "---\n" + SERVICE.replace("port: 80", "port: 99999999999999999999"),
    "a python tag": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  run: !!python/object:os.system echo\n",
    "merge keys": "base: &b {app: web}\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    <<: *b\n",
    "duplicate keys": SERVICE.replace("  name: web\n", "  name: web\n  name: web2\n"),
    "CRLF line endings": SERVICE.replace("\n", "\r\n"),
    "a byte-order mark": "\ufeff" + SERVICE,
}
