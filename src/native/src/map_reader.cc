// MapReader: reads every batch of a map on its own thread, up to a few batches ahead of JS,
// into memory that JS then owns as Buffers (no copy). JS takes a ready batch synchronously, so
// iterating a map costs no turn of the event loop per batch, and the kernel's share of a dump
// overlaps the JS that decodes it. Libuv's pool cannot do that: a batch done there is handed
// over only when JS waits, so the next read starts late.
#include "map.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ck {

namespace {

// How far the thread reads ahead: up to 4 batches, within 16 MiB.
constexpr size_t kAheadBytes = 16u << 20;
constexpr size_t kMaxAhead = 4;

struct ReadyBatch {
  uint8_t* keys = nullptr;  // malloc'd; owned by JS once taken
  uint8_t* values = nullptr;
  uint32_t count = 0;
  bool done = false;
  int err = 0;
  std::vector<uint8_t> cursor;
};

// Shared by the JS object, the thread and the thread-safe function; whichever goes last frees it.
struct ReaderState {
  std::mutex mu;
  std::condition_variable cv;
  std::deque<ReadyBatch> ready;
  bool stop = false, ended = false, jsWaiting = false;
  std::atomic<bool> finalizing{false};
  int fd = -1;
  bool useBatch = true;
  uint32_t keySize = 0, stride = 0, count = 0;
  size_t ahead = 1;
  Napi::ThreadSafeFunction onReady;
  std::thread thread;

  ~ReaderState() {
    for (ReadyBatch& b : ready) {
      free(b.keys);
      free(b.values);
    }
    if (fd >= 0) close(fd);
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    cv.notify_all();
  }
};

// Calls onReady through the C API: at environment teardown the call fails (napi_cannot_run_js),
// and node-addon-api's default caller would turn that into a C++ exception nothing catches
// (std::terminate). A JS exception stays pending and surfaces as any callback's would.
void CallOnReady(Napi::Env env, Napi::Function cb) {
  if (env == nullptr || cb.IsEmpty()) return;
  napi_value result;
  napi_call_function(env, env.Undefined(), cb, 0, nullptr, &result);
}

// Tells JS a batch is there, if it is waiting for one.
void Wake(ReaderState* s, bool wake) {
  if (wake && !s->finalizing.load()) s->onReady.NonBlockingCall(CallOnReady);
}

void Run(std::shared_ptr<ReaderState> s) {
  const size_t cursorLen = CursorLen(s->keySize);
  std::vector<uint8_t> in(cursorLen), out(cursorLen);
  bool first = true;
  uint32_t count = s->count;
  const uint32_t maxCount = uint32_t(std::min<uint64_t>(1u << 20, (256u << 20) / std::max<uint32_t>(s->keySize + s->stride, 1)));
  for (bool done = false; !done;) {
    {
      std::unique_lock<std::mutex> lock(s->mu);
      s->cv.wait(lock, [&] { return s->stop || s->ready.size() < s->ahead; });
      if (s->stop) break;
    }
    ReadyBatch b;
    b.keys = static_cast<uint8_t*>(malloc(std::max<size_t>(size_t(count) * s->keySize, 1)));
    b.values = static_cast<uint8_t*>(malloc(std::max<size_t>(size_t(count) * s->stride, 1)));
    BatchRead r;
    if (!b.keys || !b.values) r.err = ENOMEM;
    else r = ReadBatch(s->fd, s->useBatch, s->keySize, s->stride, first ? nullptr : in.data(), out.data(), b.keys, b.values, count);
    if (r.err == ENOSPC && count < maxCount) {
      // One hash bucket holds more entries than fit: read it again from the same cursor with room for it.
      free(b.keys);
      free(b.values);
      count = std::min(count * 2, maxCount);
      continue;
    }
    b.count = r.got;
    b.err = r.err;
    b.done = done = r.done || r.err != 0;
    b.cursor = out;
    in.swap(out);
    first = false;
    bool wake;
    {
      std::lock_guard<std::mutex> lock(s->mu);
      s->ready.push_back(std::move(b));
      wake = s->jsWaiting;
      s->jsWaiting = false;
    }
    Wake(s.get(), wake);
  }
  bool wake;
  {
    std::lock_guard<std::mutex> lock(s->mu);
    s->ended = true;
    wake = s->jsWaiting;
    s->jsWaiting = false;
  }
  Wake(s.get(), wake);
  if (!s->finalizing.load()) s->onReady.Release();
}

}  // namespace

class MapReader : public Napi::ObjectWrap<MapReader> {
 public:
  static Napi::FunctionReference* constructor;

  explicit MapReader(const Napi::CallbackInfo& info) : Napi::ObjectWrap<MapReader>(info) {}
  // Collected while the thread waits for room (an iteration given up without return()): stop it.
  ~MapReader() override {
    if (state_) state_->Stop();
  }

  static Napi::Function Define(Napi::Env env) {
    Napi::Function f = DefineClass(env, "MapReader", {
        InstanceMethod<&MapReader::Take>("take"),
        InstanceMethod<&MapReader::StopMethod>("stop"),
    });
    constructor = new Napi::FunctionReference(Napi::Persistent(f));
    return f;
  }

  static Napi::Object New(Napi::Env env, NativeMap* map, Napi::Object mapObject, bool useBatch, uint32_t count,
                          Napi::Function onReady) {
    const char* op = useBatch ? "map lookup batch" : "map walk";
    int fd = fcntl(map->FdOrThrow(env, op), F_DUPFD_CLOEXEC, 3);
    if (fd < 0) throw ErrnoError(env, op, errno);
    auto s = std::make_shared<ReaderState>();
    s->fd = fd;
    s->useBatch = useBatch;
    s->keySize = map->Info().key_size;
    s->stride = map->ValueStride();
    s->count = count;
    size_t batchBytes = std::max<size_t>(size_t(count) * (s->keySize + s->stride), 1);
    s->ahead = std::clamp<size_t>(kAheadBytes / batchBytes, 1, kMaxAhead);

    Napi::Object self = constructor->New({});
    MapReader* r = Unwrap(self);
    r->state_ = s;
    r->map_ = map;
    r->mapRef_ = Napi::Persistent(mapObject);  // map_ stays valid while the reader lives
    r->op_ = op;
    // The function holds the state until its finalizer, which runs once the thread released it,
    // or at environment teardown while the thread still runs: then it stops and joins the thread.
    auto* held = new std::shared_ptr<ReaderState>(s);
    s->onReady = Napi::ThreadSafeFunction::New(env, onReady, "ck-map-reader", 0, 1, held,
        [](Napi::Env, void*, std::shared_ptr<ReaderState>* h) {
          (*h)->finalizing = true;
          (*h)->Stop();
          if ((*h)->thread.joinable()) (*h)->thread.join();
          delete h;
        }, static_cast<void*>(nullptr));
    // Only a waiting JS keeps the process alive (see Take), not a reader given up on.
    s->onReady.Unref(env);
    s->thread = std::thread(Run, s);
    return self;
  }

 private:
  // take(): the next batch {keys, values, count, done, cursor}, undefined when none is ready yet
  // (onReady runs when one is), or null after stop(). Throws the read's errno.
  Napi::Value Take(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    ReaderState* s = state_.get();
    if (map_->Closed()) {
      Stop(env);
      throw ErrnoError(env, op_, EBADF);
    }
    ReadyBatch b;
    bool have = false, ended = false;
    {
      std::lock_guard<std::mutex> lock(s->mu);
      if (!s->ready.empty()) {
        b = std::move(s->ready.front());
        s->ready.pop_front();
        have = true;
      } else if (s->ended) {
        ended = true;
      } else {
        s->jsWaiting = true;
      }
    }
    if (!have && !ended) {
      SetWaiting(env, true);  // JS awaits onReady: keep the process alive meanwhile
      return env.Undefined();
    }
    SetWaiting(env, false);
    if (ended) return env.Null();
    s->cv.notify_one();
    if (b.err) {
      free(b.keys);
      free(b.values);
      throw ErrnoError(env, op_, b.err);
    }
    Napi::Object o = Napi::Object::New(env);
    o.Set("keys", Owned(env, b.keys, size_t(b.count) * s->keySize));
    o.Set("values", Owned(env, b.values, size_t(b.count) * s->stride));
    o.Set("count", b.count);
    o.Set("done", b.done);
    o.Set("cursor", Napi::Buffer<uint8_t>::Copy(env, b.cursor.data(), b.cursor.size()));
    return o;
  }

  // The function is referenced (keeps the event loop alive) only while JS waits for it. Once its
  // finalizer ran (the thread ended and released it) it is gone and so is its reference.
  void SetWaiting(Napi::Env env, bool waiting) {
    if (waiting == waiting_) return;
    waiting_ = waiting;
    if (state_->finalizing.load()) return;
    if (waiting) state_->onReady.Ref(env);
    else state_->onReady.Unref(env);
  }

  void Stop(Napi::Env env) {
    state_->Stop();
    SetWaiting(env, false);
  }

  // A Buffer that frees `data` when it is collected; V8 is told of the memory so it collects in time.
  static Napi::Buffer<uint8_t> Owned(Napi::Env env, uint8_t* data, size_t length) {
    if (length == 0) {
      free(data);
      return Napi::Buffer<uint8_t>::New(env, 0);
    }
    Napi::MemoryManagement::AdjustExternalMemory(env, int64_t(length));
    return Napi::Buffer<uint8_t>::New(env, data, length, [length](Napi::Env e, uint8_t* p) {
      free(p);
      Napi::MemoryManagement::AdjustExternalMemory(e, -int64_t(length));
    });
  }

  Napi::Value StopMethod(const Napi::CallbackInfo& info) {
    Stop(info.Env());
    return info.Env().Undefined();
  }

  std::shared_ptr<ReaderState> state_;
  NativeMap* map_ = nullptr;
  Napi::ObjectReference mapRef_;
  const char* op_ = "map lookup batch";
  bool waiting_ = false;
};

Napi::FunctionReference* MapReader::constructor = nullptr;

Napi::Object NewMapReader(Napi::Env env, NativeMap* map, Napi::Object mapObject, bool useBatch, uint32_t count,
                          Napi::Function onReady) {
  return MapReader::New(env, map, mapObject, useBatch, count, onReady);
}

void InitMapReader(Napi::Env env) { MapReader::Define(env); }

}  // namespace ck
