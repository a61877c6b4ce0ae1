// GENERATED FILE: do not edit. Regenerate with Scripts/gen-schema-table.py (see its header).
// Source: the PyPI package kubernetes-validate 1.37.0, schema v1.37.0-local-strict/_definitions.json
// (Kubernetes v1.37.0 OpenAPI, strict variant), sha256 a3dcf2f82ff63d271aaa62f6b77442a0ac00b73239c39109a4dd235251b16f41.
// 89 kinds, 410 object types. Parsed by SchemaTable.swift; the format is described there.

let generatedSchemaTableText = #"""
# KubeTutor schema table, format 1. K apiVersion kind type / T type [open] / '  field typeExpr [required]'.
# Source: v1.37.0-local-strict/_definitions.json (sha256 a3dcf2f82ff63d271aaa62f6b77442a0ac00b73239c39109a4dd235251b16f41).
K apps/v1 ControllerRevision apps.v1.ControllerRevision
K apps/v1 ControllerRevisionList apps.v1.ControllerRevisionList
K apps/v1 DaemonSet apps.v1.DaemonSet
K apps/v1 DaemonSetList apps.v1.DaemonSetList
K apps/v1 Deployment apps.v1.Deployment
K apps/v1 DeploymentList apps.v1.DeploymentList
K apps/v1 ReplicaSet apps.v1.ReplicaSet
K apps/v1 ReplicaSetList apps.v1.ReplicaSetList
K apps/v1 StatefulSet apps.v1.StatefulSet
K apps/v1 StatefulSetList apps.v1.StatefulSetList
K autoscaling/v1 HorizontalPodAutoscaler autoscaling.v1.HorizontalPodAutoscaler
K autoscaling/v1 HorizontalPodAutoscalerList autoscaling.v1.HorizontalPodAutoscalerList
K autoscaling/v2 HorizontalPodAutoscaler autoscaling.v2.HorizontalPodAutoscaler
K autoscaling/v2 HorizontalPodAutoscalerList autoscaling.v2.HorizontalPodAutoscalerList
K batch/v1 CronJob batch.v1.CronJob
K batch/v1 CronJobList batch.v1.CronJobList
K batch/v1 Job batch.v1.Job
K batch/v1 JobList batch.v1.JobList
K coordination.k8s.io/v1 Lease coordination.v1.Lease
K coordination.k8s.io/v1 LeaseList coordination.v1.LeaseList
K discovery.k8s.io/v1 EndpointSlice discovery.v1.EndpointSlice
K discovery.k8s.io/v1 EndpointSliceList discovery.v1.EndpointSliceList
K networking.k8s.io/v1 IPAddress networking.v1.IPAddress
K networking.k8s.io/v1 IPAddressList networking.v1.IPAddressList
K networking.k8s.io/v1 Ingress networking.v1.Ingress
K networking.k8s.io/v1 IngressClass networking.v1.IngressClass
K networking.k8s.io/v1 IngressClassList networking.v1.IngressClassList
K networking.k8s.io/v1 IngressList networking.v1.IngressList
K networking.k8s.io/v1 NetworkPolicy networking.v1.NetworkPolicy
K networking.k8s.io/v1 NetworkPolicyList networking.v1.NetworkPolicyList
K networking.k8s.io/v1 ServiceCIDR networking.v1.ServiceCIDR
K networking.k8s.io/v1 ServiceCIDRList networking.v1.ServiceCIDRList
K policy/v1 PodDisruptionBudget policy.v1.PodDisruptionBudget
K policy/v1 PodDisruptionBudgetList policy.v1.PodDisruptionBudgetList
K rbac.authorization.k8s.io/v1 ClusterRole rbac.v1.ClusterRole
K rbac.authorization.k8s.io/v1 ClusterRoleBinding rbac.v1.ClusterRoleBinding
K rbac.authorization.k8s.io/v1 ClusterRoleBindingList rbac.v1.ClusterRoleBindingList
K rbac.authorization.k8s.io/v1 ClusterRoleList rbac.v1.ClusterRoleList
K rbac.authorization.k8s.io/v1 Role rbac.v1.Role
K rbac.authorization.k8s.io/v1 RoleBinding rbac.v1.RoleBinding
K rbac.authorization.k8s.io/v1 RoleBindingList rbac.v1.RoleBindingList
K rbac.authorization.k8s.io/v1 RoleList rbac.v1.RoleList
K scheduling.k8s.io/v1 PriorityClass scheduling.v1.PriorityClass
K scheduling.k8s.io/v1 PriorityClassList scheduling.v1.PriorityClassList
K storage.k8s.io/v1 CSIDriver storage.v1.CSIDriver
K storage.k8s.io/v1 CSIDriverList storage.v1.CSIDriverList
K storage.k8s.io/v1 CSINode storage.v1.CSINode
K storage.k8s.io/v1 CSINodeList storage.v1.CSINodeList
K storage.k8s.io/v1 CSIStorageCapacity storage.v1.CSIStorageCapacity
K storage.k8s.io/v1 CSIStorageCapacityList storage.v1.CSIStorageCapacityList
K storage.k8s.io/v1 StorageClass storage.v1.StorageClass
K storage.k8s.io/v1 StorageClassList storage.v1.StorageClassList
K storage.k8s.io/v1 VolumeAttachment storage.v1.VolumeAttachment
K storage.k8s.io/v1 VolumeAttachmentList storage.v1.VolumeAttachmentList
K storage.k8s.io/v1 VolumeAttributesClass storage.v1.VolumeAttributesClass
K storage.k8s.io/v1 VolumeAttributesClassList storage.v1.VolumeAttributesClassList
K v1 Binding core.v1.Binding
K v1 ComponentStatus core.v1.ComponentStatus
K v1 ComponentStatusList core.v1.ComponentStatusList
K v1 ConfigMap core.v1.ConfigMap
K v1 ConfigMapList core.v1.ConfigMapList
K v1 Endpoints core.v1.Endpoints
K v1 EndpointsList core.v1.EndpointsList
K v1 Event core.v1.Event
K v1 EventList core.v1.EventList
K v1 LimitRange core.v1.LimitRange
K v1 LimitRangeList core.v1.LimitRangeList
K v1 Namespace core.v1.Namespace
K v1 NamespaceList core.v1.NamespaceList
K v1 Node core.v1.Node
K v1 NodeList core.v1.NodeList
K v1 PersistentVolume core.v1.PersistentVolume
K v1 PersistentVolumeClaim core.v1.PersistentVolumeClaim
K v1 PersistentVolumeClaimList core.v1.PersistentVolumeClaimList
K v1 PersistentVolumeList core.v1.PersistentVolumeList
K v1 Pod core.v1.Pod
K v1 PodList core.v1.PodList
K v1 PodTemplate core.v1.PodTemplate
K v1 PodTemplateList core.v1.PodTemplateList
K v1 ReplicationController core.v1.ReplicationController
K v1 ReplicationControllerList core.v1.ReplicationControllerList
K v1 ResourceQuota core.v1.ResourceQuota
K v1 ResourceQuotaList core.v1.ResourceQuotaList
K v1 Secret core.v1.Secret
K v1 SecretList core.v1.SecretList
K v1 Service core.v1.Service
K v1 ServiceAccount core.v1.ServiceAccount
K v1 ServiceAccountList core.v1.ServiceAccountList
K v1 ServiceList core.v1.ServiceList
T apps.v1.ControllerRevision
  apiVersion string
  data any required
  kind string
  metadata meta.v1.ObjectMeta
  revision int64
T apps.v1.ControllerRevisionList
  apiVersion string
  items []apps.v1.ControllerRevision required
  kind string
  metadata meta.v1.ListMeta
T apps.v1.DaemonSet
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec apps.v1.DaemonSetSpec required
  status apps.v1.DaemonSetStatus
T apps.v1.DaemonSetCondition
  lastTransitionTime string
  message string
  reason string
  status string
  type string
T apps.v1.DaemonSetList
  apiVersion string
  items []apps.v1.DaemonSet required
  kind string
  metadata meta.v1.ListMeta
T apps.v1.DaemonSetSpec
  minReadySeconds int32
  revisionHistoryLimit int32
  selector meta.v1.LabelSelector required
  template core.v1.PodTemplateSpec required
  updateStrategy apps.v1.DaemonSetUpdateStrategy
T apps.v1.DaemonSetStatus
  collisionCount int32
  conditions []apps.v1.DaemonSetCondition
  currentNumberScheduled int32 required
  desiredNumberScheduled int32 required
  numberAvailable int32
  numberMisscheduled int32 required
  numberReady int32 required
  numberUnavailable int32
  observedGeneration int64
  updatedNumberScheduled int32
T apps.v1.DaemonSetUpdateStrategy
  rollingUpdate apps.v1.RollingUpdateDaemonSet
  type string
T apps.v1.Deployment
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec apps.v1.DeploymentSpec required
  status apps.v1.DeploymentStatus
T apps.v1.DeploymentCondition
  lastTransitionTime string
  lastUpdateTime string
  message string
  reason string
  status string
  type string
T apps.v1.DeploymentList
  apiVersion string
  items []apps.v1.Deployment required
  kind string
  metadata meta.v1.ListMeta
T apps.v1.DeploymentSpec
  minReadySeconds int32
  paused bool
  progressDeadlineSeconds int32
  replicas int32
  revisionHistoryLimit int32
  selector meta.v1.LabelSelector required
  strategy apps.v1.DeploymentStrategy
  template core.v1.PodTemplateSpec required
T apps.v1.DeploymentStatus
  availableReplicas int32
  collisionCount int32
  conditions []apps.v1.DeploymentCondition
  observedGeneration int64
  readyReplicas int32
  replicas int32
  terminatingReplicas int32
  unavailableReplicas int32
  updatedReplicas int32
T apps.v1.DeploymentStrategy
  rollingUpdate apps.v1.RollingUpdateDeployment
  type string
T apps.v1.ReplicaSet
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec apps.v1.ReplicaSetSpec required
  status apps.v1.ReplicaSetStatus
T apps.v1.ReplicaSetCondition
  lastTransitionTime string
  message string
  reason string
  status string
  type string
T apps.v1.ReplicaSetList
  apiVersion string
  items []apps.v1.ReplicaSet required
  kind string
  metadata meta.v1.ListMeta
T apps.v1.ReplicaSetSpec
  minReadySeconds int32
  replicas int32
  selector meta.v1.LabelSelector required
  template core.v1.PodTemplateSpec
T apps.v1.ReplicaSetStatus
  availableReplicas int32
  conditions []apps.v1.ReplicaSetCondition
  fullyLabeledReplicas int32
  observedGeneration int64
  readyReplicas int32
  replicas int32 required
  terminatingReplicas int32
T apps.v1.RollingUpdateDaemonSet
  maxSurge intOrString
  maxUnavailable intOrString
T apps.v1.RollingUpdateDeployment
  maxSurge intOrString
  maxUnavailable intOrString
T apps.v1.RollingUpdateStatefulSetStrategy
  maxUnavailable intOrString
  partition int32
T apps.v1.StatefulSet
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec apps.v1.StatefulSetSpec required
  status apps.v1.StatefulSetStatus
T apps.v1.StatefulSetCondition
  lastTransitionTime string
  message string
  reason string
  status string
  type string
T apps.v1.StatefulSetList
  apiVersion string
  items []apps.v1.StatefulSet required
  kind string
  metadata meta.v1.ListMeta
T apps.v1.StatefulSetOrdinals
  start int32
T apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy
  whenDeleted string
  whenScaled string
T apps.v1.StatefulSetSpec
  minReadySeconds int32
  ordinals apps.v1.StatefulSetOrdinals
  persistentVolumeClaimRetentionPolicy apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy
  podManagementPolicy string
  replicas int32
  revisionHistoryLimit int32
  selector meta.v1.LabelSelector required
  serviceName string
  template core.v1.PodTemplateSpec required
  updateStrategy apps.v1.StatefulSetUpdateStrategy
  volumeClaimTemplates []core.v1.PersistentVolumeClaim
T apps.v1.StatefulSetStatus
  availableReplicas int32
  collisionCount int32
  conditions []apps.v1.StatefulSetCondition
  currentReplicas int32
  currentRevision string
  observedGeneration int64
  readyReplicas int32
  replicas int32 required
  updateRevision string
  updatedReplicas int32
T apps.v1.StatefulSetUpdateStrategy
  rollingUpdate apps.v1.RollingUpdateStatefulSetStrategy
  type string
T autoscaling.v1.CrossVersionObjectReference
  apiVersion string
  kind string required
  name string required
T autoscaling.v1.HorizontalPodAutoscaler
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec autoscaling.v1.HorizontalPodAutoscalerSpec required
  status autoscaling.v1.HorizontalPodAutoscalerStatus
T autoscaling.v1.HorizontalPodAutoscalerList
  apiVersion string
  items []autoscaling.v1.HorizontalPodAutoscaler required
  kind string
  metadata meta.v1.ListMeta
T autoscaling.v1.HorizontalPodAutoscalerSpec
  maxReplicas int32 required
  minReplicas int32
  scaleTargetRef autoscaling.v1.CrossVersionObjectReference required
  targetCPUUtilizationPercentage int32
T autoscaling.v1.HorizontalPodAutoscalerStatus
  currentCPUUtilizationPercentage int32
  currentReplicas int32 required
  desiredReplicas int32 required
  lastScaleTime string
  observedGeneration int64
T autoscaling.v2.ContainerResourceMetricSource
  container string required
  name string required
  target autoscaling.v2.MetricTarget required
T autoscaling.v2.ContainerResourceMetricStatus
  container string required
  current autoscaling.v2.MetricValueStatus required
  name string required
T autoscaling.v2.CrossVersionObjectReference
  apiVersion string
  kind string required
  name string required
T autoscaling.v2.ExternalMetricSource
  metric autoscaling.v2.MetricIdentifier required
  target autoscaling.v2.MetricTarget required
T autoscaling.v2.ExternalMetricStatus
  current autoscaling.v2.MetricValueStatus required
  metric autoscaling.v2.MetricIdentifier required
T autoscaling.v2.HPAScalingPolicy
  periodSeconds int32 required
  type string required
  value int32 required
T autoscaling.v2.HPAScalingRules
  policies []autoscaling.v2.HPAScalingPolicy
  selectPolicy string
  stabilizationWindowSeconds int32
  tolerance quantity
T autoscaling.v2.HorizontalPodAutoscaler
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec autoscaling.v2.HorizontalPodAutoscalerSpec required
  status autoscaling.v2.HorizontalPodAutoscalerStatus
T autoscaling.v2.HorizontalPodAutoscalerBehavior
  scaleDown autoscaling.v2.HPAScalingRules
  scaleUp autoscaling.v2.HPAScalingRules
T autoscaling.v2.HorizontalPodAutoscalerCondition
  lastTransitionTime string
  message string
  observedGeneration int64
  reason string
  status string required
  type string required
T autoscaling.v2.HorizontalPodAutoscalerList
  apiVersion string
  items []autoscaling.v2.HorizontalPodAutoscaler required
  kind string
  metadata meta.v1.ListMeta
T autoscaling.v2.HorizontalPodAutoscalerSpec
  behavior autoscaling.v2.HorizontalPodAutoscalerBehavior
  maxReplicas int32 required
  metrics []autoscaling.v2.MetricSpec
  minReplicas int32
  scaleTargetRef autoscaling.v2.CrossVersionObjectReference required
T autoscaling.v2.HorizontalPodAutoscalerStatus
  conditions []autoscaling.v2.HorizontalPodAutoscalerCondition
  currentMetrics []autoscaling.v2.MetricStatus
  currentReplicas int32
  desiredReplicas int32 required
  lastScaleTime string
  observedGeneration int64
T autoscaling.v2.MetricIdentifier
  name string required
  selector meta.v1.LabelSelector
T autoscaling.v2.MetricSpec
  containerResource autoscaling.v2.ContainerResourceMetricSource
  external autoscaling.v2.ExternalMetricSource
  object autoscaling.v2.ObjectMetricSource
  pods autoscaling.v2.PodsMetricSource
  resource autoscaling.v2.ResourceMetricSource
  type string required
T autoscaling.v2.MetricStatus
  containerResource autoscaling.v2.ContainerResourceMetricStatus
  external autoscaling.v2.ExternalMetricStatus
  object autoscaling.v2.ObjectMetricStatus
  pods autoscaling.v2.PodsMetricStatus
  resource autoscaling.v2.ResourceMetricStatus
  type string required
T autoscaling.v2.MetricTarget
  averageUtilization int32
  averageValue quantity
  type string required
  value quantity
T autoscaling.v2.MetricValueStatus
  averageUtilization int32
  averageValue quantity
  value quantity
T autoscaling.v2.ObjectMetricSource
  describedObject autoscaling.v2.CrossVersionObjectReference required
  metric autoscaling.v2.MetricIdentifier required
  target autoscaling.v2.MetricTarget required
T autoscaling.v2.ObjectMetricStatus
  current autoscaling.v2.MetricValueStatus required
  describedObject autoscaling.v2.CrossVersionObjectReference required
  metric autoscaling.v2.MetricIdentifier required
T autoscaling.v2.PodsMetricSource
  metric autoscaling.v2.MetricIdentifier required
  target autoscaling.v2.MetricTarget required
T autoscaling.v2.PodsMetricStatus
  current autoscaling.v2.MetricValueStatus required
  metric autoscaling.v2.MetricIdentifier required
T autoscaling.v2.ResourceMetricSource
  name string required
  target autoscaling.v2.MetricTarget required
T autoscaling.v2.ResourceMetricStatus
  current autoscaling.v2.MetricValueStatus required
  name string required
T batch.v1.CronJob
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec batch.v1.CronJobSpec required
  status batch.v1.CronJobStatus
T batch.v1.CronJobList
  apiVersion string
  items []batch.v1.CronJob required
  kind string
  metadata meta.v1.ListMeta
T batch.v1.CronJobSpec
  concurrencyPolicy string
  failedJobsHistoryLimit int32
  jobTemplate batch.v1.JobTemplateSpec required
  schedule string required
  startingDeadlineSeconds int64
  successfulJobsHistoryLimit int32
  suspend bool
  timeZone string
T batch.v1.CronJobStatus
  active []core.v1.ObjectReference
  lastScheduleTime string
  lastSuccessfulTime string
T batch.v1.Job
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec batch.v1.JobSpec
  status batch.v1.JobStatus
T batch.v1.JobCondition
  lastProbeTime string
  lastTransitionTime string
  message string
  reason string
  status string required
  type string required
T batch.v1.JobList
  apiVersion string
  items []batch.v1.Job required
  kind string
  metadata meta.v1.ListMeta
T batch.v1.JobSchedulingConfiguration
  disruptionMode scheduling.v1alpha3.WorkloadPodGroupDisruptionMode
  resourceClaims []scheduling.v1alpha3.WorkloadPodGroupResourceClaim
  schedulingConstraints scheduling.v1alpha3.WorkloadPodGroupSchedulingConstraints
  schedulingPolicy scheduling.v1alpha3.WorkloadPodGroupSchedulingPolicy
T batch.v1.JobSpec
  activeDeadlineSeconds int64
  backoffLimit int32
  backoffLimitPerIndex int32
  completionMode string
  completions int32
  managedBy string
  manualSelector bool
  maxFailedIndexes int32
  parallelism int32
  podFailurePolicy batch.v1.PodFailurePolicy
  podReplacementPolicy string
  scheduling batch.v1.JobSchedulingConfiguration
  selector meta.v1.LabelSelector
  successPolicy batch.v1.SuccessPolicy
  suspend bool
  template core.v1.PodTemplateSpec required
  ttlSecondsAfterFinished int32
T batch.v1.JobStatus
  active int32
  completedIndexes string
  completionTime string
  conditions []batch.v1.JobCondition
  failed int32
  failedIndexes string
  ready int32
  startTime string
  succeeded int32
  terminating int32
  uncountedTerminatedPods batch.v1.UncountedTerminatedPods
T batch.v1.JobTemplateSpec
  metadata meta.v1.ObjectMeta
  spec batch.v1.JobSpec
T batch.v1.PodFailurePolicy
  rules []batch.v1.PodFailurePolicyRule required
T batch.v1.PodFailurePolicyOnExitCodesRequirement
  containerName string
  operator string required
  values []int32 required
T batch.v1.PodFailurePolicyOnPodConditionsPattern
  status string
  type string required
T batch.v1.PodFailurePolicyRule
  action string required
  onExitCodes batch.v1.PodFailurePolicyOnExitCodesRequirement
  onPodConditions []batch.v1.PodFailurePolicyOnPodConditionsPattern
T batch.v1.SuccessPolicy
  rules []batch.v1.SuccessPolicyRule required
T batch.v1.SuccessPolicyRule
  succeededCount int32
  succeededIndexes string
T batch.v1.UncountedTerminatedPods
  failed []string
  succeeded []string
T coordination.v1.Lease
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec coordination.v1.LeaseSpec
T coordination.v1.LeaseList
  apiVersion string
  items []coordination.v1.Lease required
  kind string
  metadata meta.v1.ListMeta
T coordination.v1.LeaseSpec
  acquireTime string
  holderIdentity string
  leaseDurationSeconds int32
  leaseTransitions int32
  preferredHolder string
  renewTime string
  strategy string
T core.v1.AWSElasticBlockStoreVolumeSource
  fsType string
  partition int32
  readOnly bool
  volumeID string required
T core.v1.Affinity
  nodeAffinity core.v1.NodeAffinity
  podAffinity core.v1.PodAffinity
  podAntiAffinity core.v1.PodAntiAffinity
T core.v1.AppArmorProfile
  localhostProfile string
  type string required
T core.v1.AttachedVolume
  devicePath string required
  name string required
T core.v1.AzureDiskVolumeSource
  cachingMode string
  diskName string required
  diskURI string required
  fsType string
  kind string
  readOnly bool
T core.v1.AzureFilePersistentVolumeSource
  readOnly bool
  secretName string required
  secretNamespace string
  shareName string required
T core.v1.AzureFileVolumeSource
  readOnly bool
  secretName string required
  shareName string required
T core.v1.Binding
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  target core.v1.ObjectReference required
T core.v1.CSIPersistentVolumeSource
  controllerExpandSecretRef core.v1.SecretReference
  controllerPublishSecretRef core.v1.SecretReference
  driver string required
  fsType string
  nodeExpandSecretRef core.v1.SecretReference
  nodePublishSecretRef core.v1.SecretReference
  nodeStageSecretRef core.v1.SecretReference
  readOnly bool
  volumeAttributes map[string]string
  volumeHandle string required
T core.v1.CSIVolumeSource
  driver string required
  fsType string
  nodePublishSecretRef core.v1.LocalObjectReference
  readOnly bool
  volumeAttributes map[string]string
T core.v1.Capabilities
  add []string
  drop []string
T core.v1.CephFSPersistentVolumeSource
  monitors []string required
  path string
  readOnly bool
  secretFile string
  secretRef core.v1.SecretReference
  user string
T core.v1.CephFSVolumeSource
  monitors []string required
  path string
  readOnly bool
  secretFile string
  secretRef core.v1.LocalObjectReference
  user string
T core.v1.CinderPersistentVolumeSource
  fsType string
  readOnly bool
  secretRef core.v1.SecretReference
  volumeID string required
T core.v1.CinderVolumeSource
  fsType string
  readOnly bool
  secretRef core.v1.LocalObjectReference
  volumeID string required
T core.v1.ClientIPConfig
  timeoutSeconds int32
T core.v1.ClusterTrustBundleProjection
  labelSelector meta.v1.LabelSelector
  name string
  optional bool
  path string required
  signerName string
  user int64
T core.v1.ComponentCondition
  error string
  message string
  status string required
  type string required
T core.v1.ComponentStatus
  apiVersion string
  conditions []core.v1.ComponentCondition
  kind string
  metadata meta.v1.ObjectMeta
T core.v1.ComponentStatusList
  apiVersion string
  items []core.v1.ComponentStatus required
  kind string
  metadata meta.v1.ListMeta
T core.v1.ConfigMap
  apiVersion string
  binaryData map[string]bytes
  data map[string]string
  immutable bool
  kind string
  metadata meta.v1.ObjectMeta
T core.v1.ConfigMapEnvSource
  name string
  optional bool
T core.v1.ConfigMapKeySelector
  key string required
  name string
  optional bool
T core.v1.ConfigMapList
  apiVersion string
  items []core.v1.ConfigMap required
  kind string
  metadata meta.v1.ListMeta
T core.v1.ConfigMapNodeConfigSource
  kubeletConfigKey string required
  name string required
  namespace string required
  resourceVersion string
  uid string
T core.v1.ConfigMapProjection
  items []core.v1.KeyToPath
  name string
  optional bool
T core.v1.ConfigMapVolumeSource
  defaultMode int32
  defaultUser int64
  items []core.v1.KeyToPath
  name string
  optional bool
T core.v1.Container
  args []string
  command []string
  env []core.v1.EnvVar
  envFrom []core.v1.EnvFromSource
  image string
  imagePullPolicy string
  lifecycle core.v1.Lifecycle
  livenessProbe core.v1.Probe
  name string required
  ports []core.v1.ContainerPort
  readinessProbe core.v1.Probe
  resizePolicy []core.v1.ContainerResizePolicy
  resources core.v1.ResourceRequirements
  restartPolicy string
  restartPolicyRules []core.v1.ContainerRestartRule
  securityContext core.v1.SecurityContext
  startupProbe core.v1.Probe
  stdin bool
  stdinOnce bool
  terminationMessagePath string
  terminationMessagePolicy string
  tty bool
  volumeDevices []core.v1.VolumeDevice
  volumeMounts []core.v1.VolumeMount
  workingDir string
T core.v1.ContainerExtendedResourceRequest
  containerName string required
  requestName string required
  resourceName string required
T core.v1.ContainerImage
  names []string
  sizeBytes int64
T core.v1.ContainerPort
  containerPort int32 required
  hostIP string
  hostPort int32
  name string
  protocol string
T core.v1.ContainerResizePolicy
  resourceName string required
  restartPolicy string required
T core.v1.ContainerRestartRule
  action string required
  exitCodes core.v1.ContainerRestartRuleOnExitCodes
T core.v1.ContainerRestartRuleOnExitCodes
  operator string required
  values []int32
T core.v1.ContainerState
  running core.v1.ContainerStateRunning
  terminated core.v1.ContainerStateTerminated
  waiting core.v1.ContainerStateWaiting
T core.v1.ContainerStateRunning
  startedAt string
T core.v1.ContainerStateTerminated
  containerID string
  exitCode int32 required
  finishedAt string
  message string
  reason string
  signal int32
  startedAt string
T core.v1.ContainerStateWaiting
  message string
  reason string
T core.v1.ContainerStatus
  allocatedResources map[string]quantity
  allocatedResourcesStatus []core.v1.ResourceStatus
  containerID string
  image string required
  imageID string required
  lastState core.v1.ContainerState
  name string required
  ready bool required
  resources core.v1.ResourceRequirements
  restartCount int32 required
  started bool
  state core.v1.ContainerState
  stopSignal string
  user core.v1.ContainerUser
  volumeMounts []core.v1.VolumeMountStatus
T core.v1.ContainerUser
  linux core.v1.LinuxContainerUser
T core.v1.DaemonEndpoint
  Port int32 required
T core.v1.DownwardAPIProjection
  items []core.v1.DownwardAPIVolumeFile
T core.v1.DownwardAPIVolumeFile
  fieldRef core.v1.ObjectFieldSelector
  mode int32
  path string required
  resourceFieldRef core.v1.ResourceFieldSelector
  user int64
T core.v1.DownwardAPIVolumeSource
  defaultMode int32
  defaultUser int64
  items []core.v1.DownwardAPIVolumeFile
T core.v1.EmptyDirVolumeSource
  medium string
  mode int32
  sizeLimit quantity
T core.v1.EndpointAddress
  hostname string
  ip string required
  nodeName string
  targetRef core.v1.ObjectReference
T core.v1.EndpointPort
  appProtocol string
  name string
  port int32 required
  protocol string
T core.v1.EndpointSubset
  addresses []core.v1.EndpointAddress
  notReadyAddresses []core.v1.EndpointAddress
  ports []core.v1.EndpointPort
T core.v1.Endpoints
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  subsets []core.v1.EndpointSubset
T core.v1.EndpointsList
  apiVersion string
  items []core.v1.Endpoints required
  kind string
  metadata meta.v1.ListMeta
T core.v1.EnvFromSource
  configMapRef core.v1.ConfigMapEnvSource
  prefix string
  secretRef core.v1.SecretEnvSource
T core.v1.EnvVar
  name string required
  value string
  valueFrom core.v1.EnvVarSource
T core.v1.EnvVarSource
  configMapKeyRef core.v1.ConfigMapKeySelector
  fieldRef core.v1.ObjectFieldSelector
  fileKeyRef core.v1.FileKeySelector
  resourceFieldRef core.v1.ResourceFieldSelector
  secretKeyRef core.v1.SecretKeySelector
T core.v1.EphemeralContainer
  args []string
  command []string
  env []core.v1.EnvVar
  envFrom []core.v1.EnvFromSource
  image string
  imagePullPolicy string
  lifecycle core.v1.Lifecycle
  livenessProbe core.v1.Probe
  name string required
  ports []core.v1.ContainerPort
  readinessProbe core.v1.Probe
  resizePolicy []core.v1.ContainerResizePolicy
  resources core.v1.ResourceRequirements
  restartPolicy string
  restartPolicyRules []core.v1.ContainerRestartRule
  securityContext core.v1.SecurityContext
  startupProbe core.v1.Probe
  stdin bool
  stdinOnce bool
  targetContainerName string
  terminationMessagePath string
  terminationMessagePolicy string
  tty bool
  volumeDevices []core.v1.VolumeDevice
  volumeMounts []core.v1.VolumeMount
  workingDir string
T core.v1.EphemeralVolumeSource
  volumeClaimTemplate core.v1.PersistentVolumeClaimTemplate
T core.v1.Event
  action string
  apiVersion string
  count int32
  eventTime string
  firstTimestamp string
  involvedObject core.v1.ObjectReference required
  kind string
  lastTimestamp string
  message string
  metadata meta.v1.ObjectMeta required
  reason string
  related core.v1.ObjectReference
  reportingComponent string
  reportingInstance string
  series core.v1.EventSeries
  source core.v1.EventSource
  type string
T core.v1.EventList
  apiVersion string
  items []core.v1.Event required
  kind string
  metadata meta.v1.ListMeta
T core.v1.EventSeries
  count int32
  lastObservedTime string
T core.v1.EventSource
  component string
  host string
T core.v1.EvictionResponder
  name string required
  priority int32 required
T core.v1.ExecAction
  command []string
T core.v1.FCVolumeSource
  fsType string
  lun int32
  readOnly bool
  targetWWNs []string
  wwids []string
T core.v1.FileKeySelector
  key string required
  optional bool
  path string required
  volumeName string required
T core.v1.FlexPersistentVolumeSource
  driver string required
  fsType string
  options map[string]string
  readOnly bool
  secretRef core.v1.SecretReference
T core.v1.FlexVolumeSource
  driver string required
  fsType string
  options map[string]string
  readOnly bool
  secretRef core.v1.LocalObjectReference
T core.v1.FlockerVolumeSource
  datasetName string
  datasetUUID string
T core.v1.GCEPersistentDiskVolumeSource
  fsType string
  partition int32
  pdName string required
  readOnly bool
T core.v1.GRPCAction
  mode string
  port int32 required
  service string
T core.v1.GitRepoVolumeSource
  directory string
  repository string required
  revision string
T core.v1.GlusterfsPersistentVolumeSource
  endpoints string required
  endpointsNamespace string
  path string required
  readOnly bool
T core.v1.GlusterfsVolumeSource
  endpoints string required
  path string required
  readOnly bool
T core.v1.HTTPGetAction
  host string
  httpHeaders []core.v1.HTTPHeader
  path string
  port intOrString required
  protocol string
  scheme string
T core.v1.HTTPHeader
  name string required
  value string required
T core.v1.HostAlias
  hostnames []string
  ip string required
T core.v1.HostIP
  ip string required
T core.v1.HostPathVolumeSource
  path string required
  type string
T core.v1.ISCSIPersistentVolumeSource
  chapAuthDiscovery bool
  chapAuthSession bool
  fsType string
  initiatorName string
  iqn string required
  iscsiInterface string
  lun int32 required
  portals []string
  readOnly bool
  secretRef core.v1.SecretReference
  targetPortal string required
T core.v1.ISCSIVolumeSource
  chapAuthDiscovery bool
  chapAuthSession bool
  fsType string
  initiatorName string
  iqn string required
  iscsiInterface string
  lun int32 required
  portals []string
  readOnly bool
  secretRef core.v1.LocalObjectReference
  targetPortal string required
T core.v1.ImageVolumeSource
  pullPolicy string
  reference string
T core.v1.ImageVolumeStatus
  imageRef string required
T core.v1.KeyToPath
  key string required
  mode int32
  path string required
  user int64
T core.v1.Lifecycle
  postStart core.v1.LifecycleHandler
  preStop core.v1.LifecycleHandler
  stopSignal string
T core.v1.LifecycleHandler
  exec core.v1.ExecAction
  httpGet core.v1.HTTPGetAction
  sleep core.v1.SleepAction
  tcpSocket core.v1.TCPSocketAction
T core.v1.LimitRange
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec core.v1.LimitRangeSpec
T core.v1.LimitRangeItem
  default map[string]quantity
  defaultRequest map[string]quantity
  max map[string]quantity
  maxLimitRequestRatio map[string]quantity
  min map[string]quantity
  type string required
T core.v1.LimitRangeList
  apiVersion string
  items []core.v1.LimitRange required
  kind string
  metadata meta.v1.ListMeta
T core.v1.LimitRangeSpec
  limits []core.v1.LimitRangeItem required
T core.v1.LinuxContainerUser
  gid int64 required
  supplementalGroups []int64
  uid int64 required
T core.v1.LoadBalancerIngress
  hostname string
  ip string
  ipMode string
  ports []core.v1.PortStatus
T core.v1.LoadBalancerStatus
  ingress []core.v1.LoadBalancerIngress
T core.v1.LocalObjectReference
  name string
T core.v1.LocalVolumeSource
  fsType string
  path string required
T core.v1.ModifyVolumeStatus
  status string required
  targetVolumeAttributesClassName string
T core.v1.NFSVolumeSource
  path string required
  readOnly bool
  server string required
T core.v1.Namespace
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec core.v1.NamespaceSpec
  status core.v1.NamespaceStatus
T core.v1.NamespaceCondition
  lastTransitionTime string
  message string
  reason string
  status string required
  type string required
T core.v1.NamespaceList
  apiVersion string
  items []core.v1.Namespace required
  kind string
  metadata meta.v1.ListMeta
T core.v1.NamespaceSpec
  finalizers []string
T core.v1.NamespaceStatus
  conditions []core.v1.NamespaceCondition
  phase string
T core.v1.Node
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec core.v1.NodeSpec
  status core.v1.NodeStatus
T core.v1.NodeAddress
  address string required
  type string required
T core.v1.NodeAffinity
  preferredDuringSchedulingIgnoredDuringExecution []core.v1.PreferredSchedulingTerm
  requiredDuringSchedulingIgnoredDuringExecution core.v1.NodeSelector
T core.v1.NodeAllocatableMappedResources
  name string required
  quantity quantity required
T core.v1.NodeAllocatableOverheadResources
  name string required
  perContainer quantity
  perPod quantity
T core.v1.NodeAllocatableResourceClaimStatus
  containers []string
  mapping []core.v1.NodeAllocatableMappedResources
  overhead []core.v1.NodeAllocatableOverheadResources
  resourceClaimName string required
T core.v1.NodeCondition
  lastHeartbeatTime string
  lastTransitionTime string
  message string
  reason string
  status string required
  type string required
T core.v1.NodeConfigSource
  configMap core.v1.ConfigMapNodeConfigSource
T core.v1.NodeConfigStatus
  active core.v1.NodeConfigSource
  assigned core.v1.NodeConfigSource
  error string
  lastKnownGood core.v1.NodeConfigSource
T core.v1.NodeDaemonEndpoints
  kubeletEndpoint core.v1.DaemonEndpoint
T core.v1.NodeFeatures
  supplementalGroupsPolicy bool
T core.v1.NodeList
  apiVersion string
  items []core.v1.Node required
  kind string
  metadata meta.v1.ListMeta
T core.v1.NodePodPreemptionPolicy
  disableResizePreemption []string
T core.v1.NodeRuntimeHandler
  features core.v1.NodeRuntimeHandlerFeatures
  name string
T core.v1.NodeRuntimeHandlerFeatures
  recursiveReadOnlyMounts bool
  userNamespaces bool
T core.v1.NodeSelector
  nodeSelectorTerms []core.v1.NodeSelectorTerm required
T core.v1.NodeSelectorRequirement
  key string required
  operator string required
  values []string
T core.v1.NodeSelectorTerm
  matchExpressions []core.v1.NodeSelectorRequirement
  matchFields []core.v1.NodeSelectorRequirement
T core.v1.NodeSpec
  configSource core.v1.NodeConfigSource
  externalID string
  podCIDR string
  podCIDRs []string
  podPreemptionPolicy core.v1.NodePodPreemptionPolicy
  providerID string
  taints []core.v1.Taint
  unschedulable bool
T core.v1.NodeStatus
  addresses []core.v1.NodeAddress
  allocatable map[string]quantity
  capacity map[string]quantity
  conditions []core.v1.NodeCondition
  config core.v1.NodeConfigStatus
  daemonEndpoints core.v1.NodeDaemonEndpoints
  declaredFeatures []string
  features core.v1.NodeFeatures
  images []core.v1.ContainerImage
  nodeInfo core.v1.NodeSystemInfo
  phase string
  runtimeHandlers []core.v1.NodeRuntimeHandler
  volumesAttached []core.v1.AttachedVolume
  volumesInUse []string
T core.v1.NodeSwapStatus
  capacity int64
T core.v1.NodeSystemInfo
  architecture string required
  bootID string required
  containerRuntimeVersion string required
  kernelVersion string required
  kubeProxyVersion string required
  kubeletVersion string required
  machineID string required
  operatingSystem string required
  osImage string required
  runningInUserNamespace bool
  swap core.v1.NodeSwapStatus
  systemUUID string required
T core.v1.ObjectFieldSelector
  apiVersion string
  fieldPath string required
T core.v1.ObjectReference
  apiVersion string
  fieldPath string
  kind string
  name string
  namespace string
  resourceVersion string
  uid string
T core.v1.PersistentVolume
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec core.v1.PersistentVolumeSpec
  status core.v1.PersistentVolumeStatus
T core.v1.PersistentVolumeClaim
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec core.v1.PersistentVolumeClaimSpec
  status core.v1.PersistentVolumeClaimStatus
T core.v1.PersistentVolumeClaimCondition
  lastProbeTime string
  lastTransitionTime string
  message string
  reason string
  status string required
  type string required
T core.v1.PersistentVolumeClaimList
  apiVersion string
  items []core.v1.PersistentVolumeClaim required
  kind string
  metadata meta.v1.ListMeta
T core.v1.PersistentVolumeClaimSpec
  accessModes []string
  dataSource core.v1.TypedLocalObjectReference
  dataSourceRef core.v1.TypedObjectReference
  resources core.v1.VolumeResourceRequirements
  selector meta.v1.LabelSelector
  storageClassName string
  volumeAttributesClassName string
  volumeMode string
  volumeName string
T core.v1.PersistentVolumeClaimStatus
  accessModes []string
  allocatedResourceStatuses map[string]string
  allocatedResources map[string]quantity
  capacity map[string]quantity
  conditions []core.v1.PersistentVolumeClaimCondition
  currentVolumeAttributesClassName string
  healthStatus core.v1.VolumeHealthStatus
  modifyVolumeStatus core.v1.ModifyVolumeStatus
  phase string
T core.v1.PersistentVolumeClaimTemplate
  metadata meta.v1.ObjectMeta
  spec core.v1.PersistentVolumeClaimSpec required
T core.v1.PersistentVolumeClaimVolumeSource
  claimName string required
  readOnly bool
T core.v1.PersistentVolumeList
  apiVersion string
  items []core.v1.PersistentVolume required
  kind string
  metadata meta.v1.ListMeta
T core.v1.PersistentVolumeSpec
  accessModes []string
  awsElasticBlockStore core.v1.AWSElasticBlockStoreVolumeSource
  azureDisk core.v1.AzureDiskVolumeSource
  azureFile core.v1.AzureFilePersistentVolumeSource
  capacity map[string]quantity
  cephfs core.v1.CephFSPersistentVolumeSource
  cinder core.v1.CinderPersistentVolumeSource
  claimRef core.v1.ObjectReference
  csi core.v1.CSIPersistentVolumeSource
  fc core.v1.FCVolumeSource
  flexVolume core.v1.FlexPersistentVolumeSource
  flocker core.v1.FlockerVolumeSource
  gcePersistentDisk core.v1.GCEPersistentDiskVolumeSource
  glusterfs core.v1.GlusterfsPersistentVolumeSource
  hostPath core.v1.HostPathVolumeSource
  iscsi core.v1.ISCSIPersistentVolumeSource
  local core.v1.LocalVolumeSource
  mountOptions []string
  nfs core.v1.NFSVolumeSource
  nodeAffinity core.v1.VolumeNodeAffinity
  persistentVolumeReclaimPolicy string
  photonPersistentDisk core.v1.PhotonPersistentDiskVolumeSource
  portworxVolume core.v1.PortworxVolumeSource
  quobyte core.v1.QuobyteVolumeSource
  rbd core.v1.RBDPersistentVolumeSource
  scaleIO core.v1.ScaleIOPersistentVolumeSource
  storageClassName string
  storageos core.v1.StorageOSPersistentVolumeSource
  volumeAttributesClassName string
  volumeMode string
  vsphereVolume core.v1.VsphereVirtualDiskVolumeSource
T core.v1.PersistentVolumeStatus
  lastPhaseTransitionTime string
  message string
  phase string
  reason string
T core.v1.PhotonPersistentDiskVolumeSource
  fsType string
  pdID string required
T core.v1.Pod
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec core.v1.PodSpec
  status core.v1.PodStatus
T core.v1.PodAffinity
  preferredDuringSchedulingIgnoredDuringExecution []core.v1.WeightedPodAffinityTerm
  requiredDuringSchedulingIgnoredDuringExecution []core.v1.PodAffinityTerm
T core.v1.PodAffinityTerm
  labelSelector meta.v1.LabelSelector
  matchLabelKeys []string
  mismatchLabelKeys []string
  namespaceSelector meta.v1.LabelSelector
  namespaces []string
  topologyKey string required
T core.v1.PodAntiAffinity
  preferredDuringSchedulingIgnoredDuringExecution []core.v1.WeightedPodAffinityTerm
  requiredDuringSchedulingIgnoredDuringExecution []core.v1.PodAffinityTerm
T core.v1.PodCertificateProjection
  certificateChainPath string
  credentialBundlePath string
  keyPath string
  keyType string required
  maxExpirationSeconds int32
  signerName string required
  user int64
  userAnnotations map[string]string
T core.v1.PodCondition
  lastProbeTime string
  lastTransitionTime string
  message string
  observedGeneration int64
  reason string
  status string required
  type string required
T core.v1.PodDNSConfig
  nameservers []string
  options []core.v1.PodDNSConfigOption
  searches []string
T core.v1.PodDNSConfigOption
  name string
  value string
T core.v1.PodExtendedResourceClaimStatus
  requestMappings []core.v1.ContainerExtendedResourceRequest required
  resourceClaimName string required
T core.v1.PodIP
  ip string required
T core.v1.PodList
  apiVersion string
  items []core.v1.Pod required
  kind string
  metadata meta.v1.ListMeta
T core.v1.PodOS
  name string required
T core.v1.PodReadinessGate
  conditionType string required
T core.v1.PodResourceClaim
  name string required
  resourceClaimName string
  resourceClaimTemplateName string
T core.v1.PodResourceClaimStatus
  name string required
  resourceClaimName string
T core.v1.PodSchedulingGate
  name string required
T core.v1.PodSchedulingGroup
  podGroupName string
T core.v1.PodSecurityContext
  appArmorProfile core.v1.AppArmorProfile
  fsGroup int64
  fsGroupChangePolicy string
  runAsGroup int64
  runAsNonRoot bool
  runAsUser int64
  seLinuxChangePolicy string
  seLinuxOptions core.v1.SELinuxOptions
  seccompProfile core.v1.SeccompProfile
  supplementalGroups []int64
  supplementalGroupsPolicy string
  sysctls []core.v1.Sysctl
  windowsOptions core.v1.WindowsSecurityContextOptions
T core.v1.PodSpec
  activeDeadlineSeconds int64
  affinity core.v1.Affinity
  automountServiceAccountToken bool
  containers []core.v1.Container required
  dnsConfig core.v1.PodDNSConfig
  dnsPolicy string
  enableServiceLinks bool
  ephemeralContainers []core.v1.EphemeralContainer
  evictionResponders []core.v1.EvictionResponder
  hostAliases []core.v1.HostAlias
  hostIPC bool
  hostNetwork bool
  hostPID bool
  hostUsers bool
  hostname string
  hostnameOverride string
  imagePullSecrets []core.v1.LocalObjectReference
  initContainers []core.v1.Container
  nodeName string
  nodeSelector map[string]string
  os core.v1.PodOS
  overhead map[string]quantity
  preemptionPolicy string
  priority int32
  priorityClassName string
  readinessGates []core.v1.PodReadinessGate
  resourceClaims []core.v1.PodResourceClaim
  resources core.v1.ResourceRequirements
  restartPolicy string
  runtimeClassName string
  schedulerName string
  schedulingGates []core.v1.PodSchedulingGate
  schedulingGroup core.v1.PodSchedulingGroup
  securityContext core.v1.PodSecurityContext
  serviceAccount string
  serviceAccountName string
  setHostnameAsFQDN bool
  shareProcessNamespace bool
  subdomain string
  terminationGracePeriodSeconds int64
  tolerations []core.v1.Toleration
  topologySpreadConstraints []core.v1.TopologySpreadConstraint
  volumes []core.v1.Volume
T core.v1.PodStatus
  allocatedResources map[string]quantity
  conditions []core.v1.PodCondition
  containerStatuses []core.v1.ContainerStatus
  ephemeralContainerStatuses []core.v1.ContainerStatus
  extendedResourceClaimStatus core.v1.PodExtendedResourceClaimStatus
  hostIP string
  hostIPs []core.v1.HostIP
  initContainerStatuses []core.v1.ContainerStatus
  message string
  nodeAllocatableResourceClaimStatuses []core.v1.NodeAllocatableResourceClaimStatus
  nominatedNodeName string
  observedGeneration int64
  phase string
  podIP string
  podIPs []core.v1.PodIP
  qosClass string
  reason string
  resize string
  resourceClaimStatuses []core.v1.PodResourceClaimStatus
  resources core.v1.ResourceRequirements
  startTime string
  volumeHealth []core.v1.PodVolumeHealth
T core.v1.PodTemplate
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  template core.v1.PodTemplateSpec
T core.v1.PodTemplateList
  apiVersion string
  items []core.v1.PodTemplate required
  kind string
  metadata meta.v1.ListMeta
T core.v1.PodTemplateSpec
  metadata meta.v1.ObjectMeta
  spec core.v1.PodSpec
T core.v1.PodVolumeHealth
  healthConditions []core.v1.VolumeHealthCondition
  lastTransitionTime string
  name string required
T core.v1.PortStatus
  error string
  port int32 required
  protocol string required
T core.v1.PortworxVolumeSource
  fsType string
  readOnly bool
  volumeID string required
T core.v1.PreferredSchedulingTerm
  preference core.v1.NodeSelectorTerm required
  weight int32 required
T core.v1.Probe
  exec core.v1.ExecAction
  failureThreshold int32
  grpc core.v1.GRPCAction
  httpGet core.v1.HTTPGetAction
  initialDelaySeconds int32
  periodSeconds int32
  successThreshold int32
  tcpSocket core.v1.TCPSocketAction
  terminationGracePeriodSeconds int64
  timeoutSeconds int32
T core.v1.ProjectedVolumeSource
  defaultMode int32
  defaultUser int64
  sources []core.v1.VolumeProjection
T core.v1.QuobyteVolumeSource
  group string
  readOnly bool
  registry string required
  tenant string
  user string
  volume string required
T core.v1.RBDPersistentVolumeSource
  fsType string
  image string required
  keyring string
  monitors []string required
  pool string
  readOnly bool
  secretRef core.v1.SecretReference
  user string
T core.v1.RBDVolumeSource
  fsType string
  image string required
  keyring string
  monitors []string required
  pool string
  readOnly bool
  secretRef core.v1.LocalObjectReference
  user string
T core.v1.ReplicationController
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec core.v1.ReplicationControllerSpec
  status core.v1.ReplicationControllerStatus
T core.v1.ReplicationControllerCondition
  lastTransitionTime string
  message string
  reason string
  status string required
  type string required
T core.v1.ReplicationControllerList
  apiVersion string
  items []core.v1.ReplicationController required
  kind string
  metadata meta.v1.ListMeta
T core.v1.ReplicationControllerSpec
  minReadySeconds int32
  replicas int32
  selector map[string]string
  template core.v1.PodTemplateSpec
T core.v1.ReplicationControllerStatus
  availableReplicas int32
  conditions []core.v1.ReplicationControllerCondition
  fullyLabeledReplicas int32
  observedGeneration int64
  readyReplicas int32
  replicas int32 required
T core.v1.ResourceClaim
  name string required
  request string
T core.v1.ResourceFieldSelector
  containerName string
  divisor quantity
  resource string required
T core.v1.ResourceHealth
  health string
  message string
  resourceID string required
T core.v1.ResourceQuota
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec core.v1.ResourceQuotaSpec
  status core.v1.ResourceQuotaStatus
T core.v1.ResourceQuotaList
  apiVersion string
  items []core.v1.ResourceQuota required
  kind string
  metadata meta.v1.ListMeta
T core.v1.ResourceQuotaSpec
  hard map[string]quantity
  scopeSelector core.v1.ScopeSelector
  scopes []string
T core.v1.ResourceQuotaStatus
  hard map[string]quantity
  used map[string]quantity
T core.v1.ResourceRequirements
  claims []core.v1.ResourceClaim
  limits map[string]quantity
  requests map[string]quantity
T core.v1.ResourceStatus
  name string required
  resources []core.v1.ResourceHealth
T core.v1.SELinuxOptions
  level string
  role string
  type string
  user string
T core.v1.ScaleIOPersistentVolumeSource
  fsType string
  gateway string required
  protectionDomain string
  readOnly bool
  secretRef core.v1.SecretReference required
  sslEnabled bool
  storageMode string
  storagePool string
  system string required
  volumeName string
T core.v1.ScaleIOVolumeSource
  fsType string
  gateway string required
  protectionDomain string
  readOnly bool
  secretRef core.v1.LocalObjectReference required
  sslEnabled bool
  storageMode string
  storagePool string
  system string required
  volumeName string
T core.v1.ScopeSelector
  matchExpressions []core.v1.ScopedResourceSelectorRequirement
T core.v1.ScopedResourceSelectorRequirement
  operator string required
  scopeName string required
  values []string
T core.v1.SeccompProfile
  localhostProfile string
  type string required
T core.v1.Secret
  apiVersion string
  data map[string]bytes
  immutable bool
  kind string
  metadata meta.v1.ObjectMeta
  stringData map[string]string
  type string
T core.v1.SecretEnvSource
  name string
  optional bool
T core.v1.SecretKeySelector
  key string required
  name string
  optional bool
T core.v1.SecretList
  apiVersion string
  items []core.v1.Secret required
  kind string
  metadata meta.v1.ListMeta
T core.v1.SecretProjection
  items []core.v1.KeyToPath
  name string
  optional bool
T core.v1.SecretReference
  name string
  namespace string
T core.v1.SecretVolumeSource
  defaultMode int32
  defaultUser int64
  items []core.v1.KeyToPath
  optional bool
  secretName string
T core.v1.SecurityContext
  allowPrivilegeEscalation bool
  appArmorProfile core.v1.AppArmorProfile
  capabilities core.v1.Capabilities
  privileged bool
  procMount string
  readOnlyRootFilesystem bool
  runAsGroup int64
  runAsNonRoot bool
  runAsUser int64
  seLinuxOptions core.v1.SELinuxOptions
  seccompProfile core.v1.SeccompProfile
  windowsOptions core.v1.WindowsSecurityContextOptions
T core.v1.Service
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec core.v1.ServiceSpec
  status core.v1.ServiceStatus
T core.v1.ServiceAccount
  apiVersion string
  automountServiceAccountToken bool
  imagePullSecrets []core.v1.LocalObjectReference
  kind string
  metadata meta.v1.ObjectMeta
  secrets []core.v1.ObjectReference
T core.v1.ServiceAccountList
  apiVersion string
  items []core.v1.ServiceAccount required
  kind string
  metadata meta.v1.ListMeta
T core.v1.ServiceAccountTokenProjection
  audience string
  expirationSeconds int64
  path string required
  user int64
T core.v1.ServiceList
  apiVersion string
  items []core.v1.Service required
  kind string
  metadata meta.v1.ListMeta
T core.v1.ServicePort
  appProtocol string
  name string
  nodePort int32
  port int32 required
  protocol string
  targetPort intOrString
T core.v1.ServiceSpec
  allocateLoadBalancerNodePorts bool
  clusterIP string
  clusterIPs []string
  externalIPs []string
  externalName string
  externalTrafficPolicy string
  healthCheckNodePort int32
  internalTrafficPolicy string
  ipFamilies []string
  ipFamilyPolicy string
  loadBalancerClass string
  loadBalancerIP string
  loadBalancerSourceRanges []string
  ports []core.v1.ServicePort
  publishNotReadyAddresses bool
  selector map[string]string
  sessionAffinity string
  sessionAffinityConfig core.v1.SessionAffinityConfig
  trafficDistribution string
  type string
T core.v1.ServiceStatus
  conditions []meta.v1.Condition
  loadBalancer core.v1.LoadBalancerStatus
T core.v1.SessionAffinityConfig
  clientIP core.v1.ClientIPConfig
T core.v1.SleepAction
  seconds int64 required
T core.v1.StorageOSPersistentVolumeSource
  fsType string
  readOnly bool
  secretRef core.v1.ObjectReference
  volumeName string
  volumeNamespace string
T core.v1.StorageOSVolumeSource
  fsType string
  readOnly bool
  secretRef core.v1.LocalObjectReference
  volumeName string
  volumeNamespace string
T core.v1.Sysctl
  name string required
  value string required
T core.v1.TCPSocketAction
  host string
  port intOrString required
T core.v1.Taint
  effect string required
  key string required
  timeAdded string
  value string
T core.v1.Toleration
  effect string
  key string
  operator string
  tolerationSeconds int64
  value string
T core.v1.TopologySelectorLabelRequirement
  key string required
  values []string required
T core.v1.TopologySelectorTerm
  matchLabelExpressions []core.v1.TopologySelectorLabelRequirement
T core.v1.TopologySpreadConstraint
  labelSelector meta.v1.LabelSelector
  matchLabelKeys []string
  maxSkew int32 required
  minDomains int32
  nodeAffinityPolicy string
  nodeTaintsPolicy string
  topologyKey string required
  whenUnsatisfiable string required
T core.v1.TypedLocalObjectReference
  apiGroup string
  kind string required
  name string required
T core.v1.TypedObjectReference
  apiGroup string
  kind string required
  name string required
  namespace string
T core.v1.Volume
  awsElasticBlockStore core.v1.AWSElasticBlockStoreVolumeSource
  azureDisk core.v1.AzureDiskVolumeSource
  azureFile core.v1.AzureFileVolumeSource
  cephfs core.v1.CephFSVolumeSource
  cinder core.v1.CinderVolumeSource
  configMap core.v1.ConfigMapVolumeSource
  csi core.v1.CSIVolumeSource
  downwardAPI core.v1.DownwardAPIVolumeSource
  emptyDir core.v1.EmptyDirVolumeSource
  ephemeral core.v1.EphemeralVolumeSource
  fc core.v1.FCVolumeSource
  flexVolume core.v1.FlexVolumeSource
  flocker core.v1.FlockerVolumeSource
  gcePersistentDisk core.v1.GCEPersistentDiskVolumeSource
  gitRepo core.v1.GitRepoVolumeSource
  glusterfs core.v1.GlusterfsVolumeSource
  hostPath core.v1.HostPathVolumeSource
  image core.v1.ImageVolumeSource
  iscsi core.v1.ISCSIVolumeSource
  name string required
  nfs core.v1.NFSVolumeSource
  persistentVolumeClaim core.v1.PersistentVolumeClaimVolumeSource
  photonPersistentDisk core.v1.PhotonPersistentDiskVolumeSource
  portworxVolume core.v1.PortworxVolumeSource
  projected core.v1.ProjectedVolumeSource
  quobyte core.v1.QuobyteVolumeSource
  rbd core.v1.RBDVolumeSource
  scaleIO core.v1.ScaleIOVolumeSource
  secret core.v1.SecretVolumeSource
  storageos core.v1.StorageOSVolumeSource
  vsphereVolume core.v1.VsphereVirtualDiskVolumeSource
T core.v1.VolumeDevice
  devicePath string required
  name string required
T core.v1.VolumeHealthCondition
  message string
  reason string required
  status string required
T core.v1.VolumeHealthStatus
  healthConditions []core.v1.VolumeHealthCondition
  lastTransitionTime string
T core.v1.VolumeMount
  bindMountOptions []string
  mountPath string required
  mountPropagation string
  name string required
  readOnly bool
  recursiveReadOnly string
  subPath string
  subPathExpr string
T core.v1.VolumeMountStatus
  mountPath string required
  name string required
  readOnly bool
  recursiveReadOnly string
  volumeStatus core.v1.VolumeStatus
T core.v1.VolumeNodeAffinity
  required core.v1.NodeSelector
T core.v1.VolumeProjection
  clusterTrustBundle core.v1.ClusterTrustBundleProjection
  configMap core.v1.ConfigMapProjection
  downwardAPI core.v1.DownwardAPIProjection
  podCertificate core.v1.PodCertificateProjection
  secret core.v1.SecretProjection
  serviceAccountToken core.v1.ServiceAccountTokenProjection
T core.v1.VolumeResourceRequirements
  limits map[string]quantity
  requests map[string]quantity
T core.v1.VolumeStatus
  image core.v1.ImageVolumeStatus
T core.v1.VsphereVirtualDiskVolumeSource
  fsType string
  storagePolicyID string
  storagePolicyName string
  volumePath string required
T core.v1.WeightedPodAffinityTerm
  podAffinityTerm core.v1.PodAffinityTerm required
  weight int32 required
T core.v1.WindowsSecurityContextOptions
  gmsaCredentialSpec string
  gmsaCredentialSpecName string
  hostProcess bool
  runAsUserName string
T discovery.v1.Endpoint
  addresses []string required
  conditions discovery.v1.EndpointConditions
  deprecatedTopology map[string]string
  hints discovery.v1.EndpointHints
  hostname string
  nodeName string
  targetRef core.v1.ObjectReference
  zone string
T discovery.v1.EndpointConditions
  ready bool
  serving bool
  terminating bool
T discovery.v1.EndpointHints
  forNodes []discovery.v1.ForNode
  forZones []discovery.v1.ForZone
T discovery.v1.EndpointPort
  appProtocol string
  name string
  port int32
  protocol string
T discovery.v1.EndpointSlice
  addressType string required
  apiVersion string
  endpoints []discovery.v1.Endpoint
  kind string
  metadata meta.v1.ObjectMeta
  ports []discovery.v1.EndpointPort
T discovery.v1.EndpointSliceList
  apiVersion string
  items []discovery.v1.EndpointSlice required
  kind string
  metadata meta.v1.ListMeta
T discovery.v1.ForNode
  name string required
T discovery.v1.ForZone
  name string required
T meta.v1.Condition
  lastTransitionTime string required
  message string required
  observedGeneration int64
  reason string required
  status string required
  type string required
T meta.v1.LabelSelector
  matchExpressions []meta.v1.LabelSelectorRequirement
  matchLabels map[string]string
T meta.v1.LabelSelectorRequirement
  key string required
  operator string required
  values []string
T meta.v1.ListMeta
  continue string
  remainingItemCount int64
  resourceVersion string
  selfLink string
  shardInfo meta.v1.ShardInfo
T meta.v1.ManagedFieldsEntry
  apiVersion string
  fieldsType string
  fieldsV1 any
  manager string
  operation string
  subresource string
  time string
T meta.v1.ObjectMeta
  annotations map[string]string
  creationTimestamp string
  deletionGracePeriodSeconds int64
  deletionTimestamp string
  finalizers []string
  generateName string
  generation int64
  labels map[string]string
  managedFields []meta.v1.ManagedFieldsEntry
  name string
  namespace string
  ownerReferences []meta.v1.OwnerReference
  resourceVersion string
  selfLink string
  uid string
T meta.v1.OwnerReference
  apiVersion string required
  blockOwnerDeletion bool
  controller bool
  kind string required
  name string required
  uid string required
T meta.v1.ShardInfo
  selector string required
T networking.v1.HTTPIngressPath
  backend networking.v1.IngressBackend required
  path string
  pathType string required
T networking.v1.HTTPIngressRuleValue
  paths []networking.v1.HTTPIngressPath required
T networking.v1.IPAddress
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec networking.v1.IPAddressSpec required
T networking.v1.IPAddressList
  apiVersion string
  items []networking.v1.IPAddress required
  kind string
  metadata meta.v1.ListMeta
T networking.v1.IPAddressSpec
  parentRef networking.v1.ParentReference required
T networking.v1.IPBlock
  cidr string required
  except []string
T networking.v1.Ingress
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec networking.v1.IngressSpec
  status networking.v1.IngressStatus
T networking.v1.IngressBackend
  resource core.v1.TypedLocalObjectReference
  service networking.v1.IngressServiceBackend
T networking.v1.IngressClass
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec networking.v1.IngressClassSpec
T networking.v1.IngressClassList
  apiVersion string
  items []networking.v1.IngressClass required
  kind string
  metadata meta.v1.ListMeta
T networking.v1.IngressClassParametersReference
  apiGroup string
  kind string required
  name string required
  namespace string
  scope string
T networking.v1.IngressClassSpec
  controller string
  parameters networking.v1.IngressClassParametersReference
T networking.v1.IngressList
  apiVersion string
  items []networking.v1.Ingress required
  kind string
  metadata meta.v1.ListMeta
T networking.v1.IngressLoadBalancerIngress
  hostname string
  ip string
  ports []networking.v1.IngressPortStatus
T networking.v1.IngressLoadBalancerStatus
  ingress []networking.v1.IngressLoadBalancerIngress
T networking.v1.IngressPortStatus
  error string
  port int32 required
  protocol string required
T networking.v1.IngressRule
  host string
  http networking.v1.HTTPIngressRuleValue
T networking.v1.IngressServiceBackend
  name string required
  port networking.v1.ServiceBackendPort
T networking.v1.IngressSpec
  defaultBackend networking.v1.IngressBackend
  ingressClassName string
  rules []networking.v1.IngressRule
  tls []networking.v1.IngressTLS
T networking.v1.IngressStatus
  loadBalancer networking.v1.IngressLoadBalancerStatus
T networking.v1.IngressTLS
  hosts []string
  secretName string
T networking.v1.NetworkPolicy
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec networking.v1.NetworkPolicySpec
T networking.v1.NetworkPolicyEgressRule
  ports []networking.v1.NetworkPolicyPort
  to []networking.v1.NetworkPolicyPeer
T networking.v1.NetworkPolicyIngressRule
  from []networking.v1.NetworkPolicyPeer
  ports []networking.v1.NetworkPolicyPort
T networking.v1.NetworkPolicyList
  apiVersion string
  items []networking.v1.NetworkPolicy required
  kind string
  metadata meta.v1.ListMeta
T networking.v1.NetworkPolicyPeer
  ipBlock networking.v1.IPBlock
  namespaceSelector meta.v1.LabelSelector
  podSelector meta.v1.LabelSelector
T networking.v1.NetworkPolicyPort
  endPort int32
  port intOrString
  protocol string
T networking.v1.NetworkPolicySpec
  egress []networking.v1.NetworkPolicyEgressRule
  ingress []networking.v1.NetworkPolicyIngressRule
  podSelector meta.v1.LabelSelector
  policyTypes []string
T networking.v1.ParentReference
  group string
  name string required
  namespace string
  resource string required
T networking.v1.ServiceBackendPort
  name string
  number int32
T networking.v1.ServiceCIDR
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec networking.v1.ServiceCIDRSpec
  status networking.v1.ServiceCIDRStatus
T networking.v1.ServiceCIDRList
  apiVersion string
  items []networking.v1.ServiceCIDR required
  kind string
  metadata meta.v1.ListMeta
T networking.v1.ServiceCIDRSpec
  cidrs []string
T networking.v1.ServiceCIDRStatus
  conditions []meta.v1.Condition
T policy.v1.PodDisruptionBudget
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec policy.v1.PodDisruptionBudgetSpec
  status policy.v1.PodDisruptionBudgetStatus
T policy.v1.PodDisruptionBudgetList
  apiVersion string
  items []policy.v1.PodDisruptionBudget required
  kind string
  metadata meta.v1.ListMeta
T policy.v1.PodDisruptionBudgetSpec
  maxUnavailable intOrString
  minAvailable intOrString
  selector meta.v1.LabelSelector
  unhealthyPodEvictionPolicy string
T policy.v1.PodDisruptionBudgetStatus
  conditions []meta.v1.Condition
  currentHealthy int32
  desiredHealthy int32
  disruptedPods map[string]string
  disruptionsAllowed int32
  expectedPods int32
  observedGeneration int64
T rbac.v1.AggregationRule
  clusterRoleSelectors []meta.v1.LabelSelector
T rbac.v1.ClusterRole
  aggregationRule rbac.v1.AggregationRule
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  rules []rbac.v1.PolicyRule
T rbac.v1.ClusterRoleBinding
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  roleRef rbac.v1.RoleRef required
  subjects []rbac.v1.Subject
T rbac.v1.ClusterRoleBindingList
  apiVersion string
  items []rbac.v1.ClusterRoleBinding required
  kind string
  metadata meta.v1.ListMeta
T rbac.v1.ClusterRoleList
  apiVersion string
  items []rbac.v1.ClusterRole required
  kind string
  metadata meta.v1.ListMeta
T rbac.v1.PolicyRule
  apiGroups []string
  nonResourceURLs []string
  resourceNames []string
  resources []string
  verbs []string required
T rbac.v1.Role
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  rules []rbac.v1.PolicyRule
T rbac.v1.RoleBinding
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  roleRef rbac.v1.RoleRef required
  subjects []rbac.v1.Subject
T rbac.v1.RoleBindingList
  apiVersion string
  items []rbac.v1.RoleBinding required
  kind string
  metadata meta.v1.ListMeta
T rbac.v1.RoleList
  apiVersion string
  items []rbac.v1.Role required
  kind string
  metadata meta.v1.ListMeta
T rbac.v1.RoleRef
  apiGroup string
  kind string required
  name string required
T rbac.v1.Subject
  apiGroup string
  kind string required
  name string required
  namespace string
T scheduling.v1.PriorityClass
  apiVersion string
  description string
  globalDefault bool
  kind string
  metadata meta.v1.ObjectMeta
  preemptionPolicy string
  value int32
T scheduling.v1.PriorityClassList
  apiVersion string
  items []scheduling.v1.PriorityClass required
  kind string
  metadata meta.v1.ListMeta
T scheduling.v1alpha3.TopologyConstraint
  key string required
T scheduling.v1alpha3.WorkloadPodGroupAllDisruptionMode
T scheduling.v1alpha3.WorkloadPodGroupBasicSchedulingPolicy
T scheduling.v1alpha3.WorkloadPodGroupDisruptionMode
  all scheduling.v1alpha3.WorkloadPodGroupAllDisruptionMode
  single scheduling.v1alpha3.WorkloadPodGroupSingleDisruptionMode
T scheduling.v1alpha3.WorkloadPodGroupGangSchedulingPolicy
  minCount int32
T scheduling.v1alpha3.WorkloadPodGroupResourceClaim
  name string required
  resourceClaimName string
  resourceClaimTemplateName string
T scheduling.v1alpha3.WorkloadPodGroupSchedulingConstraints
  topology []scheduling.v1alpha3.TopologyConstraint
T scheduling.v1alpha3.WorkloadPodGroupSchedulingPolicy
  basic scheduling.v1alpha3.WorkloadPodGroupBasicSchedulingPolicy
  gang scheduling.v1alpha3.WorkloadPodGroupGangSchedulingPolicy
T scheduling.v1alpha3.WorkloadPodGroupSingleDisruptionMode
T storage.v1.CSIDriver
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec storage.v1.CSIDriverSpec required
T storage.v1.CSIDriverList
  apiVersion string
  items []storage.v1.CSIDriver required
  kind string
  metadata meta.v1.ListMeta
T storage.v1.CSIDriverSpec
  attachRequired bool
  fsGroupPolicy string
  nodeAllocatableUpdatePeriodSeconds int64
  podInfoOnMount bool
  preventPodSchedulingIfMissing bool
  requiresRepublish bool
  seLinuxMount bool
  serviceAccountTokenInSecrets bool
  storageCapacity bool
  tokenRequests []storage.v1.TokenRequest
  volumeLifecycleModes []string
T storage.v1.CSINode
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec storage.v1.CSINodeSpec required
  status storage.v1.CSINodeStatus
T storage.v1.CSINodeDriver
  allocatable storage.v1.VolumeNodeResources
  name string required
  nodeID string required
  topologyKeys []string
T storage.v1.CSINodeList
  apiVersion string
  items []storage.v1.CSINode required
  kind string
  metadata meta.v1.ListMeta
T storage.v1.CSINodeSpec
  drivers []storage.v1.CSINodeDriver required
T storage.v1.CSINodeStatus
  storageHealth []storage.v1.StorageHealth
T storage.v1.CSIStorageCapacity
  apiVersion string
  capacity quantity
  kind string
  maximumVolumeSize quantity
  metadata meta.v1.ObjectMeta
  nodeTopology meta.v1.LabelSelector
  storageClassName string required
T storage.v1.CSIStorageCapacityList
  apiVersion string
  items []storage.v1.CSIStorageCapacity required
  kind string
  metadata meta.v1.ListMeta
T storage.v1.StorageClass
  allowVolumeExpansion bool
  allowedTopologies []core.v1.TopologySelectorTerm
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  mountOptions []string
  parameters map[string]string
  provisioner string required
  reclaimPolicy string
  volumeBindingMode string
T storage.v1.StorageClassList
  apiVersion string
  items []storage.v1.StorageClass required
  kind string
  metadata meta.v1.ListMeta
T storage.v1.StorageHealth
  healthConditions []storage.v1.StorageHealthCondition
  name string required
T storage.v1.StorageHealthCondition
  accessMode string
  lastTransitionTime string
  message string
  reason string required
  status string required
  volumeMode string
T storage.v1.TokenRequest
  audience string required
  expirationSeconds int64
T storage.v1.VolumeAttachment
  apiVersion string
  kind string
  metadata meta.v1.ObjectMeta
  spec storage.v1.VolumeAttachmentSpec required
  status storage.v1.VolumeAttachmentStatus
T storage.v1.VolumeAttachmentList
  apiVersion string
  items []storage.v1.VolumeAttachment required
  kind string
  metadata meta.v1.ListMeta
T storage.v1.VolumeAttachmentSource
  inlineVolumeSpec core.v1.PersistentVolumeSpec
  persistentVolumeName string
T storage.v1.VolumeAttachmentSpec
  attacher string required
  nodeName string required
  source storage.v1.VolumeAttachmentSource required
T storage.v1.VolumeAttachmentStatus
  attachError storage.v1.VolumeError
  attached bool required
  attachmentMetadata map[string]string
  detachError storage.v1.VolumeError
T storage.v1.VolumeAttributesClass
  apiVersion string
  driverName string required
  kind string
  metadata meta.v1.ObjectMeta
  parameters map[string]string
T storage.v1.VolumeAttributesClassList
  apiVersion string
  items []storage.v1.VolumeAttributesClass required
  kind string
  metadata meta.v1.ListMeta
T storage.v1.VolumeError
  errorCode int32
  message string
  time string
T storage.v1.VolumeNodeResources
  count int32
"""#
