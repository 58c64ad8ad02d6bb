{{- define "vask-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "vask-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "vask-operator.labels" -}}
{{ include "vask-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "vask-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "vask-operator.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* What the operator does with the objects of a VaskApp (least privilege: delete only where
     the operator itself removes a child; garbage collection removes the rest). */}}
{{- define "vask-operator.rules" -}}
- apiGroups: ["vask.dev"]
  resources: ["vaskapps"]
  verbs: ["get", "list", "watch"]
{{- if or .Values.registration.enabled .Values.dashboard.enabled }}
- apiGroups: ["vask.dev"]
  resources: ["vaskapps"]
  verbs: ["create"]
{{- end }}
- apiGroups: ["vask.dev"]
  resources: ["vaskapps/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["vask.dev"]
  resources: ["vaskapps/finalizers"]
  verbs: ["update"]
# Secrets by name only: no list or watch, so the operator cannot enumerate or cache anyone's
# Secrets; it reads the ones a VaskApp names and writes its own (credentials, apps file).
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "create", "update", "delete"]
- apiGroups: [""]
  resources: ["services"]
  verbs: ["get", "list", "watch", "create", "update", "patch"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update", "patch"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["ingresses"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
# spec.httpRoute, read and written by name (no informer): only where the Gateway API is installed.
- apiGroups: ["gateway.networking.k8s.io"]
  resources: ["httproutes"]
  verbs: ["get", "create", "update", "delete"]
# spec.monitoring.podMonitor, the same way: only where the Prometheus Operator is installed.
- apiGroups: ["monitoring.coreos.com"]
  resources: ["podmonitors"]
  verbs: ["get", "create", "update", "delete"]
- apiGroups: ["", "events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end -}}


{{/* "namespace" when Roles per watched namespace replace the ClusterRole; rbac.namespaced=true is
     the older spelling of rbac.scope=namespace. */}}
{{- define "vask-operator.rbacScope" -}}
{{- if or (eq .Values.rbac.scope "namespace") .Values.rbac.namespaced -}}
namespace
{{- else -}}
cluster
{{- end -}}
{{- end -}}
