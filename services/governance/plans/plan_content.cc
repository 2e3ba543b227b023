#include "services/governance/plans/plan_content.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance {
namespace {

std::string At(const std::string& field, int index) { return absl::StrCat(field, "[", index, "]"); }

void CheckPriorities(const v1::Plan& plan, const std::string& field, FieldViolations* v) {
  if (plan.priorities_size() > kMaxPriorities) {
    v->Add(field, absl::StrCat("at most ", kMaxPriorities, " priorities"));
    return;
  }
  for (int i = 0; i < plan.priorities_size(); ++i) CheckRequiredLine(plan.priorities(i), At(field, i), v);
}

void CheckWorkstreams(const v1::Plan& plan, const std::string& field, FieldViolations* v) {
  std::set<int32_t> seen;
  for (int i = 0; i < plan.workstreams_size(); ++i) {
    const v1::PlanWorkstream& ws = plan.workstreams(i);
    const std::string at = At(field, i);
    if (ws.number() < kMinWorkstreamNumber || ws.number() > kMaxWorkstreamNumber) {
      v->Add(at + ".number", absl::StrCat("must be ", kMinWorkstreamNumber, "..", kMaxWorkstreamNumber));
    } else if (!seen.insert(ws.number()).second) {
      v->Add(at + ".number", absl::StrCat("workstream ", ws.number(), " is listed twice"));
    }
    CheckRequiredLine(ws.title(), at + ".title", v);
  }
}

void CheckProjects(const v1::Plan& plan, const std::string& field, FieldViolations* v) {
  if (plan.projects_size() > kMaxProjects) {
    v->Add(field, absl::StrCat("at most ", kMaxProjects, " projects"));
    return;
  }
  std::set<std::string> seen;
  for (int i = 0; i < plan.projects_size(); ++i) {
    const std::string at = At(field, i);
    CheckProject(plan.projects(i), at, v);
    if (IsValidId(plan.projects(i).id()) && !seen.insert(plan.projects(i).id()).second) {
      v->Add(at + ".id", absl::StrCat("project ", plan.projects(i).id(), " is listed twice"));
    }
  }
}

bool SameWorkstreams(const v1::Plan& a, const v1::Plan& b) {
  if (a.workstreams_size() != b.workstreams_size()) return false;
  for (int i = 0; i < a.workstreams_size(); ++i) {
    if (a.workstreams(i).number() != b.workstreams(i).number() ||
        a.workstreams(i).title() != b.workstreams(i).title()) {
      return false;
    }
  }
  return true;
}

bool SameProjects(const v1::Plan& a, const v1::Plan& b) {
  if (a.projects_size() != b.projects_size()) return false;
  for (int i = 0; i < a.projects_size(); ++i) {
    const v1::PlanProject& x = a.projects(i);
    const v1::PlanProject& y = b.projects(i);
    if (x.id() != y.id() || x.title() != y.title() || x.workstream_number() != y.workstream_number() ||
        x.description() != y.description() || x.status() != y.status()) {
      return false;
    }
  }
  return true;
}

}  // namespace

ContentFields ContentFields::All() { return ContentFields{true, true, true, true, true, true}; }

bool ContentFields::Empty() const {
  return !title && !theme && !vision && !priorities && !workstreams && !projects;
}

std::vector<std::string> ContentFields::Paths() const {
  std::vector<std::string> paths;
  if (title) paths.push_back("title");
  if (theme) paths.push_back("theme");
  if (vision) paths.push_back("vision");
  if (priorities) paths.push_back("priorities");
  if (workstreams) paths.push_back("workstreams");
  if (projects) paths.push_back("projects");
  return paths;
}

absl::StatusOr<ContentFields> ParseContentMask(const google::protobuf::FieldMask& mask,
                                               const std::string& field, bool allow_projects,
                                               bool empty_means_all) {
  ContentFields fields;
  if (mask.paths().empty()) {
    if (!empty_means_all) return fields;
    fields = ContentFields::All();
    fields.projects = allow_projects;
    return fields;
  }
  const std::map<std::string, bool ContentFields::*> known = {
      {"title", &ContentFields::title},           {"theme", &ContentFields::theme},
      {"vision", &ContentFields::vision},         {"priorities", &ContentFields::priorities},
      {"workstreams", &ContentFields::workstreams}, {"projects", &ContentFields::projects}};
  for (const std::string& path : mask.paths()) {
    auto it = known.find(path);
    if (it == known.end() || (path == "projects" && !allow_projects)) {
      return InvalidField(field, absl::StrCat("unknown path \"", path, "\"; paths are ",
                                              allow_projects ? "title, theme, vision, priorities, workstreams, projects"
                                                             : "title, theme, vision, priorities, workstreams"));
    }
    fields.*(it->second) = true;
  }
  return fields;
}

void CheckPlanContent(const v1::Plan& plan, const ContentFields& fields, const std::string& prefix,
                      FieldViolations* v) {
  if (fields.title) CheckRequiredLine(plan.title(), prefix + ".title", v);
  if (fields.theme) CheckOptionalLine(plan.theme(), prefix + ".theme", v);
  if (fields.vision) CheckOptionalText(plan.vision(), prefix + ".vision", v);
  if (fields.priorities) CheckPriorities(plan, prefix + ".priorities", v);
  if (fields.workstreams) CheckWorkstreams(plan, prefix + ".workstreams", v);
  if (fields.projects) CheckProjects(plan, prefix + ".projects", v);
}

void CheckProject(const v1::PlanProject& project, const std::string& field, FieldViolations* v) {
  if (!IsValidId(project.id())) {
    v->Add(field + ".id", "must be 2..63 lower-case letters, digits and hyphens, e.g. executive-coaching");
  }
  CheckRequiredLine(project.title(), field + ".title", v);
  if (project.workstream_number() == 0) {
    v->Add(field + ".workstream_number", "is required");
  } else if (project.workstream_number() < kMinWorkstreamNumber ||
             project.workstream_number() > kMaxWorkstreamNumber) {
    v->Add(field + ".workstream_number",
           absl::StrCat("must be ", kMinWorkstreamNumber, "..", kMaxWorkstreamNumber));
  }
  CheckOptionalText(project.description(), field + ".description", v);
  if (!v1::PlanProject::Status_IsValid(project.status())) {
    v->Add(field + ".status", "is not a project status");
  }
}

void CheckProjectWorkstreams(const v1::Plan& plan, const ContentFields& fields,
                             const std::string& prefix, FieldViolations* v) {
  std::set<int32_t> numbers;
  for (const v1::PlanWorkstream& ws : plan.workstreams()) numbers.insert(ws.number());
  std::map<int32_t, std::vector<std::string>> orphans;  // workstream -> project ids
  for (int i = 0; i < plan.projects_size(); ++i) {
    const v1::PlanProject& p = plan.projects(i);
    // A number out of range is CheckProject's violation already.
    if (numbers.count(p.workstream_number()) > 0 || p.workstream_number() < kMinWorkstreamNumber ||
        p.workstream_number() > kMaxWorkstreamNumber) {
      continue;
    }
    if (fields.projects) {
      v->Add(absl::StrCat(prefix, ".projects[", i, "].workstream_number"),
             absl::StrCat("the plan has no workstream ", p.workstream_number()));
    } else {
      orphans[p.workstream_number()].push_back(p.id());
    }
  }
  for (const auto& [number, ids] : orphans) {
    v->Add(prefix + ".workstreams",
           absl::StrCat("workstream ", number, " still has projects (", absl::StrJoin(ids, ", "),
                        "); change projects in the same request"));
  }
}

void CopyContent(const v1::Plan& from, const ContentFields& fields, v1::Plan* to) {
  if (fields.title) to->set_title(from.title());
  if (fields.theme) to->set_theme(from.theme());
  if (fields.vision) to->set_vision(from.vision());
  if (fields.priorities) *to->mutable_priorities() = from.priorities();
  if (fields.workstreams) *to->mutable_workstreams() = from.workstreams();
  if (fields.projects) *to->mutable_projects() = from.projects();
}

bool SameContent(const v1::Plan& a, const v1::Plan& b) {
  return a.title() == b.title() && a.theme() == b.theme() && a.vision() == b.vision() &&
         std::equal(a.priorities().begin(), a.priorities().end(), b.priorities().begin(),
                    b.priorities().end()) &&
         SameWorkstreams(a, b) && SameProjects(a, b);
}

void NormalizeContent(const std::string& session_span, v1::Plan* plan) {
  auto* workstreams = plan->mutable_workstreams();
  std::sort(workstreams->begin(), workstreams->end(),
            [](const v1::PlanWorkstream& x, const v1::PlanWorkstream& y) { return x.number() < y.number(); });
  for (v1::PlanWorkstream& ws : *workstreams) ws.set_workstream(WorkstreamName(session_span, ws.number()));
  auto* projects = plan->mutable_projects();
  for (v1::PlanProject& p : *projects) {
    if (p.status() == v1::PlanProject::STATUS_UNSPECIFIED) p.set_status(v1::PlanProject::ACTIVE);
  }
  std::sort(projects->begin(), projects->end(), [](const v1::PlanProject& x, const v1::PlanProject& y) {
    if (x.workstream_number() != y.workstream_number()) return x.workstream_number() < y.workstream_number();
    return x.id() < y.id();
  });
}

}  // namespace wp::governance
