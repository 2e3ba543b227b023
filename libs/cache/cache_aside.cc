#include "libs/cache/cache_aside.h"

#include <optional>
#include <utility>

#include "absl/synchronization/notification.h"
#include "libs/log/log.h"

namespace wp::cache {

struct CacheAside::Flight {
  absl::Notification done;
  // Written by the leading caller before `done` is notified; read-only after.
  absl::StatusOr<std::string> result;
};

CacheAside::CacheAside(RedisClient* redis, size_t near_entries)
    : redis_(redis), near_(redis != nullptr ? near_entries : 0) {}

absl::StatusOr<std::string> CacheAside::GetOrCompute(
    const std::string& key, absl::Duration ttl,
    absl::FunctionRef<absl::StatusOr<std::string>()> compute) {
  if (std::optional<std::string> near = near_.Get(key)) {
    near_hits_.fetch_add(1, std::memory_order_relaxed);
    return std::move(*near);
  }
  // Join the flight in progress for this key, or lead a new one.
  std::shared_ptr<Flight> flight;
  bool leader = false;
  {
    absl::MutexLock lock(&mu_);
    std::shared_ptr<Flight>& slot = flights_[key];
    if (slot == nullptr) {
      slot = std::make_shared<Flight>();
      leader = true;
    }
    flight = slot;
  }
  if (!leader) {
    shared_.fetch_add(1, std::memory_order_relaxed);
    flight->done.WaitForNotification();
    return flight->result;
  }

  flight->result = LookupOrCompute(key, ttl, compute);
  if (flight->result.ok()) near_.Put(key, *flight->result);
  {
    absl::MutexLock lock(&mu_);
    flights_.erase(key);
  }
  flight->done.Notify();
  return flight->result;
}

absl::StatusOr<std::string> CacheAside::LookupOrCompute(
    const std::string& key, absl::Duration ttl,
    absl::FunctionRef<absl::StatusOr<std::string>()> compute) {
  // Any Redis failure just means "compute it".
  bool redis_answered = false;
  if (redis_ != nullptr) {
    absl::StatusOr<std::optional<std::string>> cached = redis_->Get(key);
    if (cached.ok()) {
      redis_answered = true;
      if (cached->has_value()) {
        hits_.fetch_add(1, std::memory_order_relaxed);
        return std::move(**cached);
      }
      misses_.fetch_add(1, std::memory_order_relaxed);
    } else {
      redis_errors_.fetch_add(1, std::memory_order_relaxed);
    }
  }

  computations_.fetch_add(1, std::memory_order_relaxed);
  absl::StatusOr<std::string> value = compute();
  // Not stored when the GET just failed: the client is failing fast anyway,
  // and a second error would say nothing new.
  if (value.ok() && redis_answered) {
    absl::Status stored = redis_->Set(key, *value, ttl);
    if (!stored.ok()) {
      redis_errors_.fetch_add(1, std::memory_order_relaxed);
      log::Warn("cache store failed", {{"key", key}, {"error", std::string(stored.message())}});
    }
  }
  return value;
}

CacheStats CacheAside::stats() const {
  CacheStats stats;
  stats.hits = hits_.load(std::memory_order_relaxed);
  stats.misses = misses_.load(std::memory_order_relaxed);
  stats.computations = computations_.load(std::memory_order_relaxed);
  stats.redis_errors = redis_errors_.load(std::memory_order_relaxed);
  stats.shared = shared_.load(std::memory_order_relaxed);
  stats.near_hits = near_hits_.load(std::memory_order_relaxed);
  return stats;
}

}  // namespace wp::cache
