#!/usr/bin/env python3
"""Generate Sources/ClusterSim/Schema/SchemaTable+Generated.swift.

The manifest checker decodes every object strictly (unknown fields, wrong types,
required fields), the way the API server does. It needs to know, for every kind
it may meet, which fields exist and what type each one has. This script reads the
JSON schemas shipped by the PyPI package kubernetes-validate (themselves generated
from the Kubernetes OpenAPI spec) and writes them as a compact text table inside a
Swift raw string literal, which SchemaTable.swift parses at run time. The output
is committed: building KubeTutor needs neither the network nor Python.

How to run (from the package root, /work/main):

    python3 -m venv /tmp/kv
    /tmp/kv/bin/pip install kubernetes-validate==1.37.0
    /tmp/kv/bin/python Scripts/gen-schema-table.py \
        > Sources/ClusterSim/Schema/SchemaTable+Generated.swift

Options:
    --schema-dir DIR    a directory holding _definitions.json (default: the
                        kubernetes-json-schema/<version>-local-strict directory
                        inside the installed kubernetes_validate package)
    --k8s-version VER   schema version to use from the package (default v1.37.0)

The output is deterministic: kinds and types are sorted, fields keep schema order.
An unexpected schema shape (a new JSON-schema construct) is an error, never a
silent guess.

Text table format (one record per line, fields separated by one space):
    # ...                              comment
    K <apiVersion> <kind> <type>       a kind the API serves and its root type
    T <type> [open]                    starts an object type; "open" = free-form,
                                       unknown fields are allowed
      <field> <typeExpr> [required]    (two leading spaces) a field of the last T
typeExpr is one of: string int32 int64 number bool intOrString quantity any
bytes (a base64 string, Go []byte), an object type name (always contains a '.'),
"[]" + typeExpr (array), "map[string]" + typeExpr (map with string keys).
"""

import argparse
import hashlib
import json
import os
import sys

# (group, version) pairs whose kinds go into the table; "" is the core group.
GROUP_VERSIONS = {
    ("", "v1"),
    ("apps", "v1"),
    ("networking.k8s.io", "v1"),
    ("batch", "v1"),
    ("autoscaling", "v1"),
    ("autoscaling", "v2"),
    ("policy", "v1"),
    ("rbac.authorization.k8s.io", "v1"),
    ("storage.k8s.io", "v1"),
    ("discovery.k8s.io", "v1"),
    ("scheduling.k8s.io", "v1"),
    ("coordination.k8s.io", "v1"),
}

# Kinds that carry a group-version-kind in the schema but are only served as a
# subresource (pods/eviction, deployments/scale, ...): `kubectl apply` of such a
# document answers `no matches for kind "Scale" in version "autoscaling/v1"`.
SUBRESOURCE_ONLY = {
    ("autoscaling", "v1", "Scale"),
    ("policy", "v1", "Eviction"),
}

NAME_PREFIXES = ("io.k8s.api.", "io.k8s.apimachinery.pkg.apis.", "io.k8s.apimachinery.pkg.")

# Definitions that become primitive types instead of object types.
SPECIAL = {
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": "intOrString",
    "io.k8s.apimachinery.pkg.api.resource.Quantity": "quantity",
    # meta/v1 Time and MicroTime decode through json.Unmarshal into a Go string
    # (a non-string fails with "... of type string"), then parse RFC 3339.
    "io.k8s.apimachinery.pkg.apis.meta.v1.Time": "string",
    "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": "string",
    # Free-form: keep the raw JSON of any value.
    "io.k8s.apimachinery.pkg.runtime.RawExtension": "any",
    "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": "any",
    "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON": "any",
}

IGNORED_PROPERTY_KEYS = {
    "description", "enum", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
    "x-kubernetes-patch-strategy", "x-kubernetes-patch-merge-key", "x-kubernetes-map-type",
    "x-kubernetes-unions", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
}


def fail(message):
    sys.exit("gen-schema-table: " + message)


def short_name(name):
    for prefix in NAME_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    fail("unexpected definition name " + name)


def ref_name(ref):
    prefix = "#/$defs/"
    if not ref.startswith(prefix):
        fail("unexpected $ref " + ref)
    return ref[len(prefix):]


def json_type(schema, where):
    """The schema's type without "null" (nullability does not matter to Go decoding)."""
    t = schema.get("type")
    if isinstance(t, list):
        t = [x for x in t if x != "null"]
        if len(t) != 1:
            fail("%s: unexpected type list %r" % (where, schema.get("type")))
        t = t[0]
    return t


def find_default_schema_dir(version):
    try:
        from importlib import resources
        root = resources.files("kubernetes_validate")
    except Exception as error:  # noqa: BLE001
        fail("kubernetes_validate is not installed (%s); pass --schema-dir or see the header" % error)
    return str(root / "kubernetes-json-schema" / (version + "-local-strict"))


def package_version():
    try:
        from importlib import metadata
        return metadata.version("kubernetes-validate")
    except Exception:  # noqa: BLE001
        return None


class Generator:
    def __init__(self, defs):
        self.defs = defs
        self.objects = {}  # full definition name -> short name, for object types reached
        self.pending = []

    def def_kind(self, name):
        """'special:<expr>', 'object', or 'closed-empty' / 'open-empty' for a definition."""
        if name in SPECIAL:
            return "special:" + SPECIAL[name]
        schema = self.defs.get(name)
        if schema is None:
            fail("dangling $ref " + name)
        if schema.get("x-kubernetes-preserve-unknown-fields") is True:
            return "special:any"
        if "properties" in schema:
            return "object"
        t = json_type(schema, name)
        if t == "object" or t is None:
            if name.startswith("io.k8s.api."):
                # An empty Go struct (a marker such as WorkloadPodGroupBasicSchedulingPolicy):
                # the strict schemas only close objects that list properties, but strict
                # decoding into struct{} still rejects every key.
                return "object"
            return "special:any"
        if t == "string":
            return "special:string"
        fail("definition %s has no properties and type %r" % (name, t))

    def need(self, name):
        if name not in self.objects:
            self.objects[name] = short_name(name)
            self.pending.append(name)
        return self.objects[name]

    def type_expr(self, schema, where):
        if schema.get("x-kubernetes-preserve-unknown-fields") is True:
            return "any"
        if schema.get("x-kubernetes-int-or-string") is True:
            return "intOrString"
        extra = set(schema) - IGNORED_PROPERTY_KEYS - {"$ref", "type", "format", "items", "additionalProperties"}
        if extra:
            fail("%s: unexpected schema keys %s" % (where, sorted(extra)))
        if "$ref" in schema:
            name = ref_name(schema["$ref"])
            kind = self.def_kind(name)
            if kind.startswith("special:"):
                return kind[len("special:"):]
            return self.need(name)
        t = json_type(schema, where)
        fmt = schema.get("format")
        if t == "string":
            if fmt == "byte":
                return "bytes"
            if fmt not in (None, "date-time"):
                fail("%s: unexpected string format %r" % (where, fmt))
            return "string"
        if t == "integer":
            if fmt == "int32":
                return "int32"
            if fmt == "int64":
                return "int64"
            fail("%s: integer with format %r" % (where, fmt))
        if t == "number":
            if fmt not in (None, "double"):
                fail("%s: number with format %r" % (where, fmt))
            return "number"
        if t == "boolean":
            return "bool"
        if t == "array":
            if "items" not in schema:
                fail("%s: array without items" % where)
            return "[]" + self.type_expr(schema["items"], where + "[]")
        if t == "object":
            ap = schema.get("additionalProperties")
            if isinstance(ap, dict) and ap:
                return "map[string]" + self.type_expr(ap, where + "{}")
            # No additionalProperties schema: a free-form object.
            return "any"
        fail("%s: unexpected schema %r" % (where, {k: v for k, v in schema.items() if k != "description"}))

    def object_block(self, name):
        schema = self.defs[name]
        short = self.objects[name]
        open_ = schema.get("additionalProperties", None) is not False and "properties" in schema
        lines = ["T " + short + (" open" if open_ else "")]
        required = schema.get("required", [])
        properties = schema.get("properties", {})
        for field in required:
            if field not in properties:
                fail("%s: required field %s is not a property" % (name, field))
        for field, prop in properties.items():
            if not field or any(c.isspace() for c in field):
                fail("%s: field name %r cannot be written in the table" % (name, field))
            expr = self.type_expr(prop, "%s.%s" % (short, field))
            lines.append("  %s %s%s" % (field, expr, " required" if field in required else ""))
        return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schema-dir", help="directory holding _definitions.json")
    parser.add_argument("--k8s-version", default="v1.37.0", help="schema version inside kubernetes_validate")
    args = parser.parse_args()

    schema_dir = args.schema_dir or find_default_schema_dir(args.k8s_version)
    path = os.path.join(schema_dir, "_definitions.json")
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        fail("cannot read %s: %s" % (path, error))
    digest = hashlib.sha256(raw).hexdigest()
    document = json.loads(raw)
    defs = document.get("$defs") or document.get("definitions")
    if not defs:
        fail(path + " has no $defs")

    generator = Generator(defs)
    kinds = []
    for name in sorted(defs):
        if not name.startswith("io.k8s.api."):
            continue  # meta/v1 kinds (DeleteOptions, WatchEvent, Status, ...) are not resources
        for gvk in defs[name].get("x-kubernetes-group-version-kind", []):
            group, version, kind = gvk["group"], gvk["version"], gvk["kind"]
            if (group, version) not in GROUP_VERSIONS or (group, version, kind) in SUBRESOURCE_ONLY:
                continue
            if generator.def_kind(name) != "object":
                fail("kind %s is not an object" % name)
            api_version = group + "/" + version if group else version
            kinds.append((api_version, kind, generator.need(name)))

    blocks = {}
    while generator.pending:
        name = generator.pending.pop()
        blocks[generator.objects[name]] = generator.object_block(name)

    shorts = list(generator.objects.values())
    if len(set(shorts)) != len(shorts):
        fail("short type names are not unique")
    seen_kinds = set()
    for api_version, kind, _ in kinds:
        if (api_version, kind) in seen_kinds:
            fail("kind %s %s appears twice" % (api_version, kind))
        seen_kinds.add((api_version, kind))

    schema_label = os.path.basename(os.path.normpath(schema_dir))
    if args.schema_dir:
        source = "the schema directory " + schema_label
    else:
        version = package_version()
        source = "the PyPI package kubernetes-validate%s, schema %s" % (" " + version if version else "", schema_label)
    table = [
        "# KubeTutor schema table, format 1. K apiVersion kind type / T type [open] / '  field typeExpr [required]'.",
        "# Source: %s/_definitions.json (sha256 %s)." % (schema_label, digest),
    ]
    for api_version, kind, type_name in sorted(kinds):
        table.append("K %s %s %s" % (api_version, kind, type_name))
    for short in sorted(blocks):
        table.extend(blocks[short])
    text = "\n".join(table)
    if '"""#' in text:
        fail("table text contains the raw string terminator")

    out = sys.stdout
    out.write("// GENERATED FILE: do not edit. Regenerate with Scripts/gen-schema-table.py (see its header).\n")
    out.write("// Source: %s/_definitions.json\n" % source)
    out.write("// (Kubernetes %s OpenAPI, strict variant), sha256 %s.\n" % (schema_label.split("-")[0], digest))
    out.write("// %d kinds, %d object types. Parsed by SchemaTable.swift; the format is described there.\n"
              % (len(kinds), len(blocks)))
    out.write("\n")
    out.write("let generatedSchemaTableText = #\"\"\"\n")
    out.write(text)
    out.write("\n\"\"\"#\n")


if __name__ == "__main__":
    main()
