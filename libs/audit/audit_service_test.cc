#include "libs/audit/audit_service.h"

#include <memory>
#include <string>
#include <vector>

#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"
#include "libs/audit/audit_log.h"
#include "libs/calendar/timestamps.h"
#include "libs/paging/page_token.h"
#include "libs/server/request_context.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/store/sqlite_database.h"
#include "libs/testing/server_process.h"

namespace wp::audit {
namespace {

namespace v1 = wp::common::v1;

const absl::Time kT0 = absl::FromUnixMicros(1700000000123456);

// The kind of hook a service passes: admins only.
absl::Status AdminsOnly(grpc::ServerContext& context) {
  auto it = context.client_metadata().find("x-wp-actor");
  if (it == context.client_metadata().end() || it->second != "admin") {
    return absl::PermissionDeniedError("the audit trail is for admins");
  }
  return absl::OkStatus();
}

class AuditServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::OpenSqlite({wp::testing::MakeTempDir("wp-audit-svc") + "/test.db", 2}, {});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);

    service_ = std::make_unique<AuditGrpc>(*db_, AdminsOnly);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_GT(port, 0);
    stub_ = v1::AuditService::NewStub(
        grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials()));

    // 7 changes: alice and bob take turns on things/1 (0..4) and things/2 (5, 6).
    for (int i = 0; i < 7; ++i) {
      server::Caller caller;
      caller.actor = i % 2 == 0 ? "alice" : "bob";
      caller.role = "officer";
      caller.method = "/wp.test.v1.T/Change";
      caller.trace_id = "trace-" + std::to_string(i);
      AuditEntry e = EntryFor(caller, i < 5 ? "things/1" : "things/2", "change " + std::to_string(i),
                              kT0 + absl::Seconds(i));
      ASSERT_TRUE(db_->Write([&](store::Transaction& tx) { return RecordAudit(tx, e); }).ok());
    }
  }

  void TearDown() override {
    if (server_) server_->Shutdown();
  }

  absl::StatusOr<v1::ListAuditRecordsResponse> List(const v1::ListAuditRecordsRequest& request,
                                                    const std::string& actor = "admin") {
    grpc::ClientContext context;
    context.AddMetadata("x-wp-actor", actor);
    v1::ListAuditRecordsResponse response;
    grpc::Status status = stub_->ListAuditRecords(&context, request, &response);
    if (!status.ok()) return FromGrpcStatus(status);
    return response;
  }

  // Follows next_page_token to the end; returns the summaries seen.
  std::vector<std::string> ListAll(v1::ListAuditRecordsRequest request, int* pages = nullptr) {
    int ignored = 0;
    if (pages == nullptr) pages = &ignored;
    if (request.page_size() == 0) request.set_page_size(100);
    std::vector<std::string> seen;
    *pages = 0;
    for (;;) {
      auto page = List(request);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      ++*pages;
      EXPECT_LE(page->records_size(), request.page_size());
      for (const v1::AuditRecord& r : page->records()) seen.push_back(r.summary());
      if (page->next_page_token().empty()) break;
      request.set_page_token(page->next_page_token());
    }
    return seen;
  }

  static std::vector<std::string> Fields(const absl::Status& status) {
    std::vector<std::string> out;
    for (const FieldViolation& v : FieldViolationsOf(status)) out.push_back(v.field);
    return out;
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<AuditGrpc> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::AuditService::Stub> stub_;
};

TEST_F(AuditServiceTest, ReturnsEveryField) {
  v1::ListAuditRecordsRequest request;
  request.set_resource("things/2");
  auto page = List(request);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->records_size(), 2);
  EXPECT_TRUE(page->next_page_token().empty());
  const v1::AuditRecord& r = page->records(0);
  EXPECT_GT(r.id(), 0);
  EXPECT_LT(r.id(), page->records(1).id());
  EXPECT_EQ(r.time().seconds(), 1700000005);
  EXPECT_EQ(r.time().nanos(), 123456000);
  EXPECT_EQ(r.subject(), "bob");
  EXPECT_EQ(r.role(), "officer");
  EXPECT_EQ(r.method(), "/wp.test.v1.T/Change");
  EXPECT_EQ(r.resource(), "things/2");
  EXPECT_EQ(r.summary(), "change 5");
  EXPECT_EQ(r.trace_id(), "trace-5");
}

TEST_F(AuditServiceTest, PagesByResource) {
  v1::ListAuditRecordsRequest request;
  request.set_resource("things/1");
  request.set_page_size(2);
  int pages = 0;
  EXPECT_EQ(ListAll(request, &pages),
            (std::vector<std::string>{"change 0", "change 1", "change 2", "change 3", "change 4"}));
  EXPECT_EQ(pages, 3);
}

TEST_F(AuditServiceTest, PagesBySubject) {
  v1::ListAuditRecordsRequest request;
  request.set_subject("alice");
  request.set_page_size(1);
  int pages = 0;
  EXPECT_EQ(ListAll(request, &pages),
            (std::vector<std::string>{"change 0", "change 2", "change 4", "change 6"}));
  EXPECT_EQ(pages, 4);  // an exact last page carries no token
}

TEST_F(AuditServiceTest, DefaultPageSizeAndUnknownKeys) {
  v1::ListAuditRecordsRequest request;
  request.set_subject("bob");
  auto page = List(request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->records_size(), 3);
  EXPECT_TRUE(page->next_page_token().empty());

  request.set_subject("carol");
  page = List(request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->records_size(), 0);
}

TEST_F(AuditServiceTest, NeitherResourceNorSubject) {
  auto page = List(v1::ListAuditRecordsRequest());
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(page.status()), (std::vector<std::string>{"resource", "subject"}));
}

TEST_F(AuditServiceTest, ResourceAndSubjectTogetherNarrow) {
  v1::ListAuditRecordsRequest request;
  request.set_resource("things/1");
  request.set_subject("alice");
  EXPECT_EQ(ListAll(request), (std::vector<std::string>{"change 0", "change 2", "change 4"}));
}

TEST_F(AuditServiceTest, ATimeRangeAloneListsEveryRecordInIt) {
  v1::ListAuditRecordsRequest request;
  *request.mutable_from_time() = calendar::TimestampOf(kT0 + absl::Seconds(2));
  *request.mutable_to_time() = calendar::TimestampOf(kT0 + absl::Seconds(5));
  request.set_page_size(2);
  int pages = 0;
  EXPECT_EQ(ListAll(request, &pages), (std::vector<std::string>{"change 2", "change 3", "change 4"}));
  EXPECT_EQ(pages, 2);

  // Only a start: to the end; with a resource: both filters.
  request.clear_to_time();
  request.set_resource("things/2");
  EXPECT_EQ(ListAll(request), (std::vector<std::string>{"change 5", "change 6"}));
}

TEST_F(AuditServiceTest, BadTimeRangesNameTheField) {
  v1::ListAuditRecordsRequest request;
  *request.mutable_from_time() = calendar::TimestampOf(kT0);
  *request.mutable_to_time() = calendar::TimestampOf(kT0);
  EXPECT_EQ(Fields(List(request).status()), std::vector<std::string>{"to_time"});
  request.mutable_to_time()->set_nanos(-1);
  request.mutable_from_time()->set_seconds(-99999999999);
  EXPECT_EQ(Fields(List(request).status()), (std::vector<std::string>{"from_time", "to_time"}));
}

TEST_F(AuditServiceTest, ATokenOfAnotherTimeRangeIsRefused) {
  v1::ListAuditRecordsRequest request;
  *request.mutable_from_time() = calendar::TimestampOf(kT0);
  request.set_page_size(1);
  auto first = List(request);
  ASSERT_TRUE(first.ok()) << first.status();
  request.set_page_token(first->next_page_token());
  *request.mutable_from_time() = calendar::TimestampOf(kT0 + absl::Seconds(1));
  EXPECT_EQ(Fields(List(request).status()), std::vector<std::string>{"page_token"});
}

TEST_F(AuditServiceTest, RecordsCarryChangesAndRelatedResources) {
  server::Caller caller;
  caller.actor = "carol";
  caller.method = "/wp.test.v1.T/Move";
  AuditEntry e = EntryFor(caller, "moves/1", "moved", kT0 + absl::Seconds(60));
  e.changes = {{"amount", "1", "2"}};
  e.related_resources = {"lines/a", "lines/b"};
  ASSERT_TRUE(db_->Write([&](store::Transaction& tx) { return RecordAudit(tx, e); }).ok());
  v1::ListAuditRecordsRequest request;
  request.set_resource("lines/b");
  auto page = List(request);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->records_size(), 1);
  const v1::AuditRecord& r = page->records(0);
  EXPECT_EQ(r.resource(), "moves/1");
  ASSERT_EQ(r.changes_size(), 1);
  EXPECT_EQ(r.changes(0).field(), "amount");
  EXPECT_EQ(r.changes(0).before(), "1");
  EXPECT_EQ(r.changes(0).after(), "2");
  EXPECT_EQ(std::vector<std::string>(r.related_resources().begin(), r.related_resources().end()),
            (std::vector<std::string>{"lines/a", "lines/b"}));
}

TEST_F(AuditServiceTest, NegativePageSize) {
  v1::ListAuditRecordsRequest request;
  request.set_resource("things/1");
  request.set_page_size(-1);
  auto page = List(request);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(page.status()), std::vector<std::string>{"page_size"});
}

TEST_F(AuditServiceTest, BadPageTokens) {
  v1::ListAuditRecordsRequest request;
  request.set_resource("things/1");
  request.set_page_size(2);
  auto first = List(request);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_FALSE(first->next_page_token().empty());

  for (const std::string& token :
       {std::string("garbage!"), paging::EncodePageToken({"x"}),
        paging::EncodePageToken({"resource", "dGhpbmdzLzE", "not-a-number"}),
        paging::EncodePageToken({"resource", "dGhpbmdzLzE", "-5"})}) {
    request.set_page_token(token);
    auto page = List(request);
    EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument) << token;
    EXPECT_EQ(Fields(page.status()), std::vector<std::string>{"page_token"}) << token;
  }

  // A token of one query is refused by another.
  v1::ListAuditRecordsRequest other;
  other.set_resource("things/2");
  other.set_page_token(first->next_page_token());
  EXPECT_EQ(Fields(List(other).status()), std::vector<std::string>{"page_token"});
  other.clear_resource();
  other.set_subject("things/1");
  EXPECT_EQ(Fields(List(other).status()), std::vector<std::string>{"page_token"});
}

TEST_F(AuditServiceTest, ReportsEveryViolationAtOnce) {
  v1::ListAuditRecordsRequest request;
  request.set_page_size(-3);
  request.set_page_token("garbage!");
  auto page = List(request);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(page.status()),
            (std::vector<std::string>{"resource", "subject", "page_size", "page_token"}));
}

TEST_F(AuditServiceTest, HookRefusalIsReturned) {
  v1::ListAuditRecordsRequest request;
  request.set_resource("things/1");
  auto page = List(request, "alice");
  EXPECT_EQ(page.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(page.status().message(), "the audit trail is for admins");

  // Refused before validation: a non-admin learns nothing about the request.
  page = List(v1::ListAuditRecordsRequest(), "alice");
  EXPECT_EQ(page.status().code(), absl::StatusCode::kPermissionDenied);
}

TEST(AuditGrpcDirectTest, NullHookAllowsAndDirectCallsWork) {
  auto db = store::OpenSqlite({wp::testing::MakeTempDir("wp-audit-direct") + "/test.db", 1}, {});
  ASSERT_TRUE(db.ok()) << db.status();
  server::Caller caller;
  caller.actor = "alice";
  caller.method = "/m";
  caller.trace_id = "t";
  ASSERT_TRUE((*db)->Write([&](store::Transaction& tx) {
                  return RecordAudit(tx, EntryFor(caller, "things/1", "created", kT0));
                }).ok());

  AuditGrpc open(**db, nullptr);
  grpc::ServerContext context;
  v1::ListAuditRecordsRequest request;
  request.set_resource("things/1");
  v1::ListAuditRecordsResponse response;
  grpc::Status status = open.ListAuditRecords(&context, &request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.records_size(), 1);
  EXPECT_EQ(response.records(0).summary(), "created");

  AuditGrpc closed(**db, [](grpc::ServerContext&) { return absl::UnauthenticatedError("no token"); });
  status = closed.ListAuditRecords(&context, &request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

}  // namespace
}  // namespace wp::audit
