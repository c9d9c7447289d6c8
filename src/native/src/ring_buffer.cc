// NativeRingBuffer: drains a BPF ring buffer on its own thread and hands events to
// JS in batches (one call per poll round, not per event). Events wait in memory
// only up to a bound; past it they are dropped and counted as lost, so a slow
// consumer cannot grow the process without limit.
#include "map.h"

#include <bpf/libbpf.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace ck {

struct EventBatch {
  std::vector<uint8_t> data;
  std::vector<uint32_t> offsets{0};  // event i is data[offsets[i], offsets[i+1])
  int error = 0;                     // a poll error ends the consumer; delivered with the last batch
};

class NativeRingBuffer : public Napi::ObjectWrap<NativeRingBuffer> {
 public:
  static Napi::FunctionReference* constructor;

  explicit NativeRingBuffer(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeRingBuffer>(info) {}
  ~NativeRingBuffer() override {
    // Running consumers hold a reference to this object, so this only frees what is left.
    if (rb_) ring_buffer__free(rb_);
    if (fd_ >= 0) close(fd_);
  }

  static Napi::Function Define(Napi::Env env) {
    Napi::Function f = DefineClass(env, "NativeRingBuffer", {
        InstanceMethod<&NativeRingBuffer::Stats>("stats"),
        InstanceMethod<&NativeRingBuffer::Close>("close"),
        InstanceMethod<&NativeRingBuffer::Ref>("ref"),
        InstanceMethod<&NativeRingBuffer::Unref>("unref"),
    });
    constructor = new Napi::FunctionReference(Napi::Persistent(f));
    return f;
  }

  // ringBufferOpen(map, onBatch(data, offsets, errno), maxQueuedBytes, pollTimeoutMs)
  static Napi::Value Open(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!info[0].IsObject() || !info[0].As<Napi::Object>().InstanceOf(NativeMap::constructor->Value()))
      throw TypeErr(env, "ring buffer needs a map");
    NativeMap* map = NativeMap::Unwrap(info[0].As<Napi::Object>());
    int mapFd = map->FdOrThrow(env, "ring buffer open");
    if (map->Info().type != BPF_MAP_TYPE_RINGBUF) throw ErrnoError(env, "ring buffer open (not a ringbuf map)", EINVAL);
    if (!info[1].IsFunction()) throw TypeErr(env, "onBatch must be a function");
    int64_t maxQueued = IntArg(info, 2, "maxQueuedBytes", 4096, int64_t(1) << 32);
    int pollMs = IntArg(info, 3, "pollTimeoutMs", 1, 10000);

    Napi::Object self = constructor->New({});
    NativeRingBuffer* r = Unwrap(self);
    r->fd_ = fcntl(mapFd, F_DUPFD_CLOEXEC, 3);
    if (r->fd_ < 0) throw ErrnoError(env, "ring buffer open", errno);
    r->maxQueued_ = maxQueued;
    r->pollMs_ = pollMs;
    r->rb_ = ring_buffer__new(r->fd_, &NativeRingBuffer::OnSample, r, nullptr);
    if (!r->rb_) throw ErrnoError(env, "ring buffer open", errno);
    r->tsfn_ = Napi::ThreadSafeFunction::New(env, info[1].As<Napi::Function>(), "ck-ringbuf", 0, 1, r,
        [](Napi::Env e, void*, NativeRingBuffer* self) { Finalize(e, self); }, static_cast<void*>(nullptr));
    r->Napi::ObjectWrap<NativeRingBuffer>::Ref();  // alive while the thread runs
    r->thread_ = std::thread([r] { r->Run(); });
    return self;
  }

 private:
  static int OnSample(void* ctx, void* data, size_t size) {
    auto* r = static_cast<NativeRingBuffer*>(ctx);
    if (r->queued_.load() + r->current_->data.size() + size > size_t(r->maxQueued_)) {
      r->lost_++;
      return 0;
    }
    auto* p = static_cast<uint8_t*>(data);
    r->current_->data.insert(r->current_->data.end(), p, p + size);
    r->current_->offsets.push_back(uint32_t(r->current_->data.size()));
    r->received_++;
    return 0;
  }

  void Run() {
    current_ = std::make_unique<EventBatch>();
    while (!stop_.load()) {
      int n = ring_buffer__poll(rb_, pollMs_);
      if (n < 0 && n != -EINTR) {
        current_->error = -n;
        break;
      }
      if (current_->offsets.size() > 1) Send();
    }
    if (finalizing_.load()) return;  // the environment is tearing down: the function is gone
    if (current_->offsets.size() > 1 || current_->error) Send();
    tsfn_.Release();
  }

  void Send() {
    EventBatch* b = current_.release();
    current_ = std::make_unique<EventBatch>();
    size_t bytes = b->data.size();
    queued_ += bytes;
    napi_status s = tsfn_.NonBlockingCall(b, [this, bytes](Napi::Env env, Napi::Function cb, EventBatch* batch) {
      std::unique_ptr<EventBatch> owned(batch);
      queued_ -= bytes;
      if (env == nullptr || cb.IsEmpty()) return;  // shutting down: drop
      Napi::Buffer<uint8_t> data = Napi::Buffer<uint8_t>::Copy(env, batch->data.data(), batch->data.size());
      Napi::Uint32Array offsets = Napi::Uint32Array::New(env, batch->offsets.size());
      memcpy(offsets.Data(), batch->offsets.data(), batch->offsets.size() * sizeof(uint32_t));
      cb.Call({data, offsets, Napi::Number::New(env, batch->error)});
    });
    if (s != napi_ok) {  // the environment is going away
      queued_ -= bytes;
      delete b;
      stop_ = true;
    }
  }

  // Runs on the main thread once the consumer thread released the function.
  // On environment teardown (process.exit with the ring buffer open) it runs before the thread
  // released the function: stop the thread first, so the join cannot wait forever.
  static void Finalize(Napi::Env env, NativeRingBuffer* r) {
    r->finalizing_ = true;
    r->stop_ = true;
    if (r->thread_.joinable()) r->thread_.join();
    if (r->rb_) ring_buffer__free(r->rb_);
    r->rb_ = nullptr;
    if (r->fd_ >= 0) close(r->fd_);
    r->fd_ = -1;
    r->closed_ = true;
    for (auto& d : r->closeWaiters_) d.Resolve(env.Undefined());
    r->closeWaiters_.clear();
    r->Napi::ObjectWrap<NativeRingBuffer>::Unref();
  }

  Napi::Value Stats(const Napi::CallbackInfo& info) {
    Napi::Object o = Napi::Object::New(info.Env());
    o.Set("received", double(received_.load()));
    o.Set("lost", double(lost_.load()));
    o.Set("queuedBytes", double(queued_.load()));
    return o;
  }

  // close(): Promise<void>, resolved once the thread has stopped and every batch was delivered.
  Napi::Value Close(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    auto d = Napi::Promise::Deferred::New(env);
    if (closed_) {
      d.Resolve(env.Undefined());
    } else {
      stop_ = true;
      closeWaiters_.push_back(d);
    }
    return d.Promise();
  }

  Napi::Value Ref(const Napi::CallbackInfo& info) {
    if (!closed_) tsfn_.Ref(info.Env());
    return info.Env().Undefined();
  }
  Napi::Value Unref(const Napi::CallbackInfo& info) {
    if (!closed_) tsfn_.Unref(info.Env());
    return info.Env().Undefined();
  }

 public:
  int fd_ = -1;
  ring_buffer* rb_ = nullptr;
  Napi::ThreadSafeFunction tsfn_;
  std::thread thread_;
  std::atomic<bool> stop_{false}, finalizing_{false};
  std::atomic<uint64_t> received_{0}, lost_{0};
  std::atomic<uint64_t> queued_{0};  // bytes handed to JS but not yet delivered
  std::unique_ptr<EventBatch> current_;
  int64_t maxQueued_ = 0;
  int pollMs_ = 100;
  bool closed_ = false;
  std::vector<Napi::Promise::Deferred> closeWaiters_;
};

Napi::FunctionReference* NativeRingBuffer::constructor = nullptr;

void InitRingBuffer(Napi::Env env, Napi::Object exports) {
  exports.Set("NativeRingBuffer", NativeRingBuffer::Define(env));
  exports.Set("ringBufferOpen", Napi::Function::New(env, NativeRingBuffer::Open, "ringBufferOpen"));
}

}  // namespace ck
