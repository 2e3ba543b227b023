#include "tools/demo/content_demo.h"

#include <chrono>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "tools/demo/usage_generator.h"
#include "wp/westos/v1/content.grpc.pb.h"

namespace wp::demo {
namespace {

// How each senior-phase subject's lessons stand, and its deadline in days
// from today: together they give every state of the coverage report.
enum class Plan { kPublished, kUploaded, kCommissioned, kSomeUploaded };
struct SubjectPlan {
  const char* subject;
  Plan plan;
  int published_days_ago;  // for kPublished
  int deadline_in_days;
};
constexpr SubjectPlan kSeniorPhase[] = {
    {"English", Plan::kPublished, 60, -30},                   // met
    {"Mathematics", Plan::kPublished, 40, -20},               // met
    {"Applications of Mathematics", Plan::kPublished, 5, -10},  // met late
    {"Biology", Plan::kUploaded, 0, -5},                      // late
    {"Chemistry", Plan::kCommissioned, 0, 10},                // at risk
    {"Physics", Plan::kCommissioned, 0, 20},                  // at risk
    {"History", Plan::kSomeUploaded, 0, 14},                  // on track
    {"Geography", Plan::kCommissioned, 0, 60},                // on track
    {"Modern Studies", Plan::kPublished, 3, 30},              // met
    {"Physical Education", Plan::kCommissioned, 0, 90},       // on track
};
constexpr int kPerSubject = 10;
constexpr int kNeeded = 3;
constexpr const char* kSeniorLevels[] = {"National 4", "National 5", "Higher", "Advanced Higher"};
constexpr const char* kBgeLevels[] = {"First", "Second", "Third", "Fourth"};

std::string Day(absl::CivilDay day) {
  return absl::StrCat(absl::FormatCivilTime(day));
}

std::string Row(const std::string& id, const std::string& title, const std::string& subject, const std::string& level,
                const std::string& status, const std::string& sector, const std::string& commissioned,
                const std::string& uploaded, const std::string& published) {
  return absl::StrCat(id, ",", title, ",", subject, ",", level, ",", status, ",", sector, ",", commissioned, ",",
                      uploaded, ",", published, "\n");
}

std::string TargetId(const std::string& subject) {
  return absl::StrReplaceAll(absl::AsciiStrToLower(subject), {{" ", "-"}});
}

}  // namespace

std::string DemoCatalogueCsv(absl::CivilDay today, int content_items) {
  std::string csv = "content_id,title,subject,level,status,sector,commissioned_date,uploaded_date,published_date\n";
  const std::string commissioned = Day(today - 90);
  for (int n = 1; n <= content_items; ++n) {
    const std::string id = GeneratedContentId(n);
    const int i = (n - 1) / kPerSubject;  // the subject's index
    const int k = (n - 1) % kPerSubject;  // the lesson within it
    if (i < static_cast<int>(std::size(kSeniorPhase))) {
      const SubjectPlan& p = kSeniorPhase[i];
      const std::string level = kSeniorLevels[k % 4];
      const std::string title = absl::StrCat(level, " ", p.subject, ": lesson ", k + 1);
      std::string status = "commissioned", uploaded, published;
      if (p.plan == Plan::kPublished && k < 6) {
        status = "published";
        published = Day(today - p.published_days_ago);
        uploaded = Day(today - p.published_days_ago - 7);
      } else if (p.plan == Plan::kUploaded || (p.plan == Plan::kPublished && k < 8) ||
                 (p.plan == Plan::kSomeUploaded && k < 4)) {
        status = "uploaded";
        uploaded = Day(today - 20);
      }
      absl::StrAppend(&csv, Row(id, title, p.subject, level, status, "secondary", commissioned, uploaded, published));
    } else {
      const std::string subject = n % 2 == 0 ? "Numeracy" : "Literacy";
      const std::string level = kBgeLevels[k % 4];
      absl::StrAppend(&csv, Row(id, absl::StrCat(subject, " at ", level, " level: lesson ", k + 1), subject, level,
                                "published", "primary", commissioned, Day(today - 45), Day(today - 30)));
    }
  }
  return csv;
}

std::vector<content_v1::CoverageTarget> DemoCoverageTargets(absl::CivilDay today) {
  std::vector<content_v1::CoverageTarget> targets;
  for (const SubjectPlan& p : kSeniorPhase) {
    content_v1::CoverageTarget t;
    t.set_target_id(TargetId(p.subject));
    t.set_display_name(absl::StrCat(p.subject, ": ", kNeeded, " senior-phase lessons published"));
    t.set_subject(p.subject);
    t.set_sector(content_v1::SECONDARY);
    t.set_min_published(kNeeded);
    const absl::CivilDay deadline = today + p.deadline_in_days;
    t.mutable_deadline()->set_year(static_cast<int32_t>(deadline.year()));
    t.mutable_deadline()->set_month(deadline.month());
    t.mutable_deadline()->set_day(deadline.day());
    targets.push_back(t);
  }
  return targets;
}

absl::StatusOr<ContentLoadCounts> LoadContentDemo(absl::CivilDay today, const std::shared_ptr<grpc::Channel>& channel,
                                                  const std::string& token) {
  auto stub = content_v1::ContentService::NewStub(channel);
  auto prepare = [&](grpc::ClientContext* ctx) {
    ctx->AddMetadata("authorization", absl::StrCat("Bearer ", token));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  };
  ContentLoadCounts counts;
  {
    grpc::ClientContext ctx;
    prepare(&ctx);
    content_v1::ImportContentItemsRequest request;
    request.set_content(DemoCatalogueCsv(today));
    content_v1::ImportContentItemsResponse response;
    grpc::Status s = stub->ImportContentItems(&ctx, request, &response);
    if (!s.ok()) return absl::InternalError(absl::StrCat("content import: ", s.error_message()));
    for (const content_v1::ContentImportRow& row : response.rows()) {
      if (row.outcome() == content_v1::ContentImportRow::REJECTED) {
        return absl::InternalError(absl::StrCat("content line ", row.line(), ": ", row.field(), ": ", row.reason()));
      }
    }
    counts.created = response.created();
    counts.updated = response.updated();
    counts.unchanged = response.unchanged();
  }
  for (const content_v1::CoverageTarget& target : DemoCoverageTargets(today)) {
    grpc::ClientContext ctx;
    prepare(&ctx);
    content_v1::CreateCoverageTargetRequest request;
    *request.mutable_coverage_target() = target;
    content_v1::CoverageTarget made;
    grpc::Status s = stub->CreateCoverageTarget(&ctx, request, &made);
    if (s.error_code() == grpc::StatusCode::ALREADY_EXISTS) continue;
    if (!s.ok()) return absl::InternalError(absl::StrCat("coverage target ", target.target_id(), ": ", s.error_message()));
    ++counts.targets_created;
  }
  return counts;
}

}  // namespace wp::demo
