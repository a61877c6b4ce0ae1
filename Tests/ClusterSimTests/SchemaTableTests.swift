import Testing
@testable import ClusterSim

@Suite("SchemaTable")
struct SchemaTableTests {
    let table = SchemaTable.shared

    private func field(_ type: String, _ name: String) throws -> SchemaField {
        let object = try #require(table.objectType(named: type), "no type \(type)")
        return try #require(object.fields[name], "no field \(type).\(name)")
    }

    @Test func serviceRootHasSpec() throws {
        let root = try #require(table.rootTypeName(apiVersion: "v1", kind: "Service"))
        #expect(root == "core.v1.Service")
        let service = try #require(table.objectType(named: root))
        #expect(service.fields["spec"]?.type == .object("core.v1.ServiceSpec"))
        #expect(service.fields["metadata"]?.type == .object("meta.v1.ObjectMeta"))
        #expect(service.fieldOrder == ["apiVersion", "kind", "metadata", "spec", "status"])
        #expect(service.goName == "Service")
        #expect(service.goPackage == "v1")
        #expect(!service.allowsUnknownFields)
    }

    @Test func servicePortTypes() throws {
        let port = try field("core.v1.ServicePort", "port")
        #expect(port.type == .int32)
        #expect(port.required)
        let targetPort = try field("core.v1.ServicePort", "targetPort")
        #expect(targetPort.type == .intOrString)
        #expect(!targetPort.required)
        #expect(try field("core.v1.ServicePort", "nodePort").type == .int32)
        #expect(try field("core.v1.ServicePort", "protocol").type == .string)
        #expect(table.objectType(named: "core.v1.ServicePort")?.requiredFieldNames == ["port"])
    }

    @Test func deploymentReplicasIsInt32() throws {
        let root = try #require(table.rootTypeName(apiVersion: "apps/v1", kind: "Deployment"))
        #expect(root == "apps.v1.Deployment")
        let spec = try field(root, "spec")
        #expect(spec.type == .object("apps.v1.DeploymentSpec"))
        #expect(try field("apps.v1.DeploymentSpec", "replicas").type == .int32)
        #expect(try field("apps.v1.DeploymentSpec", "template").type == .object("core.v1.PodTemplateSpec"))
        #expect(try field("apps.v1.DeploymentSpec", "selector").type == .object("meta.v1.LabelSelector"))
    }

    @Test func containerNameIsRequired() throws {
        #expect(try field("core.v1.Container", "name").required)
        #expect(try field("core.v1.Container", "name").type == .string)
        #expect(try !field("core.v1.Container", "image").required)
        #expect(try field("core.v1.Container", "ports").type == .array(.object("core.v1.ContainerPort")))
        #expect(try field("core.v1.ContainerPort", "containerPort").type == .int32)
        #expect(try field("core.v1.PodSpec", "containers").required)
    }

    @Test func resourceLimitsAreQuantityMaps() throws {
        #expect(try field("core.v1.ResourceRequirements", "limits").type == .map(.quantity))
        #expect(try field("core.v1.ResourceRequirements", "requests").type == .map(.quantity))
    }

    @Test func removedVersionsAreNotServed() {
        #expect(table.rootTypeName(apiVersion: "extensions/v1beta1", kind: "Ingress") == nil)
        #expect(table.rootTypeName(apiVersion: "networking.k8s.io/v1beta1", kind: "Ingress") == nil)
        #expect(table.rootTypeName(apiVersion: "extensions/v1beta1", kind: "Deployment") == nil)
        #expect(table.rootTypeName(apiVersion: "v1", kind: "Deployment") == nil)
        #expect(table.rootTypeName(apiVersion: "v1", kind: "List") == nil)
        // Subresource-only kinds and meta/v1 kinds are not resources.
        #expect(table.rootTypeName(apiVersion: "autoscaling/v1", kind: "Scale") == nil)
        #expect(table.rootTypeName(apiVersion: "policy/v1", kind: "Eviction") == nil)
        #expect(table.rootTypeName(apiVersion: "apps/v1", kind: "DeleteOptions") == nil)
    }

    @Test func servedKinds() {
        #expect(table.rootTypeName(apiVersion: "v1", kind: "ConfigMap") == "core.v1.ConfigMap")
        #expect(table.rootTypeName(apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy") == "networking.v1.NetworkPolicy")
        #expect(table.rootTypeName(apiVersion: "v1", kind: "ReplicationController") == "core.v1.ReplicationController")
        #expect(table.rootTypeName(apiVersion: "networking.k8s.io/v1", kind: "Ingress") == "networking.v1.Ingress")
        #expect(table.rootTypeName(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler") == "autoscaling.v2.HorizontalPodAutoscaler")
        #expect(table.rootTypeName(apiVersion: "coordination.k8s.io/v1", kind: "Lease") == "coordination.v1.Lease")

        let served = table.servedKinds
        #expect(served.contains { $0.apiVersion == "v1" && $0.kind == "Pod" })
        let keys = served.map { [$0.apiVersion, $0.kind] }
        #expect(keys == keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
        let groups = Set(served.map(\.apiVersion))
        #expect(groups == [
            "v1", "apps/v1", "networking.k8s.io/v1", "batch/v1", "autoscaling/v1", "autoscaling/v2",
            "policy/v1", "rbac.authorization.k8s.io/v1", "storage.k8s.io/v1", "discovery.k8s.io/v1",
            "scheduling.k8s.io/v1", "coordination.k8s.io/v1",
        ])
    }

    @Test func apiVersionsServingKind() {
        #expect(table.apiVersions(servingKind: "Deployment") == ["apps/v1"])
        #expect(table.apiVersions(servingKind: "Ingress") == ["networking.k8s.io/v1"])
        #expect(table.apiVersions(servingKind: "HorizontalPodAutoscaler") == ["autoscaling/v1", "autoscaling/v2"])
        #expect(table.apiVersions(servingKind: "Service") == ["v1"])
        #expect(table.apiVersions(servingKind: "Nope") == [])
    }

    @Test func goTypeNames() throws {
        #expect(try field("core.v1.ServiceSpec", "ports").type.goTypeName(in: table) == "[]v1.ServicePort")
        #expect(try field("meta.v1.ObjectMeta", "labels").type.goTypeName(in: table) == "map[string]string")
        #expect(try field("core.v1.Service", "spec").type.goTypeName(in: table) == "v1.ServiceSpec")
        #expect(try field("core.v1.ServicePort", "port").type.goTypeName(in: table) == "int32")
        #expect(try field("core.v1.ServicePort", "targetPort").type.goTypeName(in: table) == "intstr.IntOrString")
        #expect(try field("core.v1.ResourceRequirements", "limits").type.goTypeName(in: table) == "map[string]resource.Quantity")
        #expect(try field("meta.v1.ObjectMeta", "generation").type.goTypeName(in: table) == "int64")
        #expect(try field("core.v1.PodSpec", "hostNetwork").type.goTypeName(in: table) == "bool")
        #expect(try field("autoscaling.v2.HorizontalPodAutoscalerSpec", "metrics").type.goTypeName(in: table) == "[]v2.MetricSpec")
        #expect(SchemaTypeRef.number.goTypeName(in: table) == "float64")
    }

    @Test func specialTypes() throws {
        // meta/v1 Time decodes through a Go string.
        #expect(try field("meta.v1.ObjectMeta", "creationTimestamp").type == .string)
        // Free-form values.
        #expect(try field("apps.v1.ControllerRevision", "data").type == .any)
        #expect(try field("meta.v1.ManagedFieldsEntry", "fieldsV1").type == .any)
        // Base64 bytes.
        let data = try field("core.v1.Secret", "data")
        #expect(data.type == .map(.string))
        #expect(data.base64Bytes)
        #expect(try field("core.v1.ConfigMap", "binaryData").base64Bytes)
        #expect(try !field("core.v1.ConfigMap", "data").base64Bytes)
        #expect(try field("core.v1.Secret", "stringData").type == .map(.string))
        // Ingress backend port number.
        #expect(try field("networking.v1.ServiceBackendPort", "number").type == .int32)
        #expect(try field("networking.v1.HTTPIngressPath", "pathType").required)
    }

    @Test func everyObjectReferenceResolves() {
        func check(_ type: SchemaTypeRef, _ where: String) {
            switch type {
            case .object(let name):
                #expect(table.objectType(named: name) != nil, "\(`where`) refers to missing \(name)")
            case .array(let element), .map(let element):
                check(element, `where`)
            default:
                break
            }
        }
        for name in table.objectTypeNames {
            let object = table.objectType(named: name)!
            #expect(object.name == name)
            #expect(object.fieldOrder.count == object.fields.count)
            for fieldName in object.fieldOrder {
                check(object.fields[fieldName]!.type, "\(name).\(fieldName)")
            }
        }
        for entry in table.servedKinds {
            let root = table.rootTypeName(apiVersion: entry.apiVersion, kind: entry.kind)
            #expect(root.flatMap { table.objectType(named: $0) } != nil)
        }
        #expect(table.objectTypeNames.count > 300)
    }

    @Test func parsesASmallTable() {
        let small = SchemaTable(parsing: """
            # comment
            K v1 Thing test.v1.Thing
            K v2 Thing test.v2.Thing
            T test.v1.Thing
              metadata meta.v1.ObjectMeta required
              items [][]map[string]int64
              blob bytes
            T test.v2.Thing open
            """)
        #expect(small.servedKinds.count == 2)
        #expect(small.apiVersions(servingKind: "Thing") == ["v1", "v2"])
        let thing = small.objectType(named: "test.v1.Thing")
        #expect(thing?.fieldOrder == ["metadata", "items", "blob"])
        #expect(thing?.fields["metadata"]?.required == true)
        #expect(thing?.fields["items"]?.type == .array(.array(.map(.int64))))
        #expect(thing?.fields["items"]?.type.goTypeName(in: small) == "[][]map[string]int64")
        #expect(thing?.fields["blob"]?.base64Bytes == true)
        #expect(thing?.allowsUnknownFields == false)
        #expect(small.objectType(named: "test.v2.Thing")?.allowsUnknownFields == true)
        #expect(small.objectType(named: "test.v2.Thing")?.fields.isEmpty == true)
        // A name not in the table still gets a Go name from its last two segments.
        #expect(SchemaTypeRef.object("meta.v1.ObjectMeta").goTypeName(in: small) == "v1.ObjectMeta")
    }

    @Test func fieldsAfterAKindOrCommentLineStillBelongToTheirType() {
        // Types are parsed on first use from the lines up to the next `T`; K and comment lines among them are skipped.
        let small = SchemaTable(parsing: """
            T test.v1.Thing
              name string required
            # a comment between fields
            K v1 Thing test.v1.Thing

              size int32
            T test.v1.Other
              id int64
            """)
        #expect(small.rootTypeName(apiVersion: "v1", kind: "Thing") == "test.v1.Thing")
        #expect(small.objectType(named: "test.v1.Thing")?.fieldOrder == ["name", "size"])
        #expect(small.objectType(named: "test.v1.Thing")?.requiredFieldNames == ["name"])
        #expect(small.objectType(named: "test.v1.Other")?.fields["id"]?.type == .int64)
        #expect(small.objectType(named: "test.v1.Missing") == nil)
        #expect(small.objectTypeNames == ["test.v1.Other", "test.v1.Thing"])
    }

    @Test func typesFirstAskedForOnManyThreadsAtOnceAreParsedAlike() async {
        // The server checks manifests on many threads; each type is parsed once, whichever thread asks first.
        let fresh = SchemaTable(parsing: generatedSchemaTableText)
        let names = table.objectTypeNames
        let seen = await withTaskGroup(of: [String: [String]].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var orders: [String: [String]] = [:]
                    for name in names.shuffled() { orders[name] = fresh.objectType(named: name)?.fieldOrder }
                    return orders
                }
            }
            var all: [[String: [String]]] = []
            for await orders in group { all.append(orders) }
            return all
        }
        let expected = Dictionary(uniqueKeysWithValues: names.map { ($0, table.objectType(named: $0)?.fieldOrder ?? []) })
        for orders in seen {
            #expect(orders == expected)
        }
    }
}
