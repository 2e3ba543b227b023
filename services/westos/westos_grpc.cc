#include "services/westos/westos_grpc.h"

#include <vector>

#include "absl/time/clock.h"
#include "libs/authz/serve.h"
#include "libs/status/grpc_status.h"
#include "libs/status/status_macros.h"
#include "services/westos/ingest/usage_event_proto.h"

namespace wp::westos {
namespace {

v1::IngestTotals TotalsProto(const IngestTotals& t) {
  v1::IngestTotals out;
  out.set_accepted(t.accepted);
  out.set_duplicates(t.duplicates);
  out.set_conflicts(t.conflicts);
  out.set_rejected(t.rejected);
  return out;
}

v1::IngestUsageResponse ResponseOf(const BatchResult& batch, const IngestTotals& stream) {
  v1::IngestUsageResponse response;
  for (size_t i = 0; i < batch.results.size(); ++i) {
    const ItemResult& r = batch.results[i];
    v1::EventResult* out = response.add_results();
    out->set_index(static_cast<int32_t>(i));
    out->set_event_id(r.event_id);
    out->set_outcome(static_cast<v1::Outcome>(r.outcome));
    out->set_field(r.field);
    out->set_reason(r.reason);
  }
  *response.mutable_batch() = TotalsProto(batch.totals);
  *response.mutable_stream() = TotalsProto(stream);
  return response;
}

v1::ImportUsageCsvProgress CsvProgressProto(const CsvProgress& p) {
  v1::ImportUsageCsvProgress out;
  out.set_rows(p.rows);
  *out.mutable_totals() = TotalsProto(p.totals);
  for (const RowProblem& problem : p.problems) {
    v1::CsvRowProblem* row = out.add_problems();
    row->set_line(problem.line);
    row->set_event_id(problem.event_id);
    row->set_outcome(static_cast<v1::Outcome>(problem.outcome));
    row->set_field(problem.field);
    row->set_reason(problem.reason);
  }
  for (const std::string& column : p.ignored_columns) out.add_ignored_columns(column);
  out.set_done(p.done);
  return out;
}

}  // namespace

grpc::Status UsageGrpc::IngestUsage(
    grpc::ServerContext* ctx, grpc::ServerReaderWriter<v1::IngestUsageResponse, v1::IngestUsageRequest>* stream) {
  absl::StatusOr<server::Caller> caller = guard_.Admit(*ctx);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  trace::Scope trace(authz::TraceOf(*caller));
  IngestTotals stream_totals;
  v1::IngestUsageRequest request;
  // One batch at a time: the next is read only after this one is answered,
  // so a fast client waits on flow control instead of filling memory.
  while (stream->Read(&request)) {
    if (absl::Status s = validation::CheckRequest(request); !s.ok()) return ToGrpcStatus(s);
    const absl::Time now = absl::Now();
    std::vector<IngestItem> items;
    items.reserve(request.events_size());
    for (const v1::UsageEvent& event : request.events()) items.push_back(ItemFromProto(event, now));
    absl::StatusOr<BatchResult> batch = ingest_.Ingest(*caller, items);
    if (!batch.ok()) return ToGrpcStatus(batch.status());
    metrics_.RecordBatch(IngestPath::kGrpc, batch->totals);  // committed, whether or not the answer arrives
    stream_totals.Add(batch->totals);
    if (ctx->IsCancelled() || !stream->Write(ResponseOf(*batch, stream_totals))) {
      // Committed, but the client is gone: it re-sends and gets duplicates.
      return grpc::Status(grpc::StatusCode::CANCELLED, "the client went away; the last batch was committed");
    }
  }
  return grpc::Status::OK;
}

grpc::Status UsageGrpc::ImportUsageCsv(
    grpc::ServerContext* ctx, grpc::ServerReaderWriter<v1::ImportUsageCsvProgress, v1::ImportUsageCsvRequest>* stream) {
  absl::StatusOr<server::Caller> caller = guard_.Admit(*ctx);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  trace::Scope trace(authz::TraceOf(*caller));
  // Chunks are read only as the import needs them: a fast client waits on
  // flow control.
  auto next_chunk = [&](std::string* chunk) -> absl::StatusOr<bool> {
    v1::ImportUsageCsvRequest request;
    if (!stream->Read(&request)) return false;
    WP_RETURN_IF_ERROR(validation::CheckRequest(request));
    *chunk = std::move(*request.mutable_chunk());
    return true;
  };
  auto progress = [&](const CsvProgress& p) {
    return !ctx->IsCancelled() && stream->Write(CsvProgressProto(p));
  };
  return ToGrpcStatus(csv_import_.Run(*caller, absl::Now(), next_chunk, progress));
}

grpc::Status UsageGrpc::RetractUsageEvents(grpc::ServerContext* ctx, const v1::RetractUsageEventsRequest* req,
                                           v1::RetractUsageEventsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) -> absl::StatusOr<v1::RetractUsageEventsResponse> {
                        const std::vector<std::string> ids(req->event_ids().begin(), req->event_ids().end());
                        WP_ASSIGN_OR_RETURN(RetractionResult result, ingest_.Retract(caller, ids, req->reason()));
                        metrics_.RecordRetractions(IngestPath::kGrpc, result.retracted);
                        v1::RetractUsageEventsResponse out;
                        for (size_t i = 0; i < ids.size(); ++i) {
                          v1::RetractionResult* r = out.add_results();
                          r->set_event_id(ids[i]);
                          r->set_state(static_cast<v1::RetractionResult::State>(result.states[i]));
                        }
                        out.set_retracted(result.retracted);
                        return out;
                      });
}

grpc::Status UsageGrpc::QueryUsage(grpc::ServerContext* ctx, const v1::QueryUsageRequest* req,
                                   v1::UsageReport* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return queries_.Query(caller, *req); });
}

}  // namespace wp::westos
