#include "map.h"

#include <bpf/libbpf.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace ck {

Napi::FunctionReference* NativeMap::constructor = nullptr;

bool IsPerCpuMapType(uint32_t type) {
  return type == BPF_MAP_TYPE_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_ARRAY ||
         type == BPF_MAP_TYPE_LRU_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE;
}

int PossibleCpus() {
  static int n = libbpf_num_possible_cpus();
  return n > 0 ? n : 1;
}

static Napi::Object InfoObject(Napi::Env env, const bpf_map_info& i, uint32_t stride) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("type", i.type);
  o.Set("id", i.id);
  o.Set("keySize", i.key_size);
  o.Set("valueSize", i.value_size);
  o.Set("valueStride", stride);
  o.Set("maxEntries", i.max_entries);
  o.Set("flags", i.map_flags);
  o.Set("name", std::string(i.name, strnlen(i.name, sizeof(i.name))));
  o.Set("btfId", i.btf_id);
  o.Set("btfKeyTypeId", i.btf_key_type_id);
  o.Set("btfValueTypeId", i.btf_value_type_id);
  o.Set("possibleCpus", PossibleCpus());
  return o;
}

NativeMap::NativeMap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeMap>(info) {}

NativeMap::~NativeMap() {
  if (fd_ >= 0) close(fd_);
}

// Program, link and BTF fds answer BPF_OBJ_GET_INFO_BY_FD too, with another struct;
// only the fd's anon inode name tells a map apart.
static bool IsMapFd(int fd) {
  char link[64], target[64];
  snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, target, sizeof(target) - 1);
  if (n < 0) return true;  // no /proc: let the kernel's answer decide
  target[n] = 0;
  return strcmp(target, "anon_inode:bpf-map") == 0;
}

Napi::Object NativeMap::FromFd(Napi::Env env, int fd, const std::string& op) {
  if (!IsMapFd(fd)) {
    close(fd);
    throw ErrnoError(env, op, ENOTTY);
  }
  bpf_map_info mi{};
  __u32 len = sizeof(mi);
  int err = bpf_obj_get_info_by_fd(fd, &mi, &len);
  if (err < 0) {
    int e = -err;
    close(fd);
    // A pinned program or link answers with a different info struct: say "not a map".
    throw ErrnoError(env, op, e == EINVAL ? ENOTTY : e);
  }
  if (mi.type == BPF_MAP_TYPE_UNSPEC) {
    close(fd);
    throw ErrnoError(env, op, ENOTTY);
  }
  Napi::Object obj = constructor->New({});
  NativeMap* m = Unwrap(obj);
  m->fd_ = fd;
  m->info_ = mi;
  m->valueStride_ = IsPerCpuMapType(mi.type) ? ((mi.value_size + 7) & ~7u) * PossibleCpus() : mi.value_size;
  return obj;
}

int NativeMap::FdOrThrow(Napi::Env env, const char* op) const {
  if (closed_ || fd_ < 0) throw ErrnoError(env, op, EBADF);
  return fd_;
}

void NativeMap::CloseFd() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

void NativeMap::EndWork() {
  if (--pending_ == 0 && closed_) CloseFd();
}

void NativeMap::CheckKey(Napi::Env env, const Napi::Uint8Array& key) const {
  if (key.ByteLength() != info_.key_size)
    throw TypeErr(env, "key must be " + std::to_string(info_.key_size) + " bytes, got " + std::to_string(key.ByteLength()));
}

Napi::Value NativeMap::GetInfo(const Napi::CallbackInfo& info) {
  FdOrThrow(info.Env(), "map info");
  return InfoObject(info.Env(), info_, valueStride_);
}

Napi::Value NativeMap::Lookup(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = FdOrThrow(env, "map lookup");
  Napi::Uint8Array key = BytesArg(info, 0, "key");
  CheckKey(env, key);
  Napi::Buffer<uint8_t> value = Napi::Buffer<uint8_t>::New(env, valueStride_);
  int err = bpf_map_lookup_elem(fd, key.Data(), value.Data());
  if (err == -ENOENT) return env.Null();
  if (err < 0) throw ErrnoError(env, "map lookup", -err);
  return value;
}

Napi::Value NativeMap::Update(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = FdOrThrow(env, "map update");
  Napi::Uint8Array key = BytesArg(info, 0, "key");
  Napi::Uint8Array value = BytesArg(info, 1, "value");
  uint64_t flags = IntArg(info, 2, "flags", 0, BPF_NOEXIST | BPF_EXIST | BPF_F_LOCK);
  CheckKey(env, key);
  if (value.ByteLength() != valueStride_)
    throw TypeErr(env, "value must be " + std::to_string(valueStride_) + " bytes, got " + std::to_string(value.ByteLength()));
  int err = bpf_map_update_elem(fd, key.Data(), value.Data(), flags);
  if (err < 0) throw ErrnoError(env, "map update", -err);
  return env.Undefined();
}

Napi::Value NativeMap::Delete(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = FdOrThrow(env, "map delete");
  Napi::Uint8Array key = BytesArg(info, 0, "key");
  CheckKey(env, key);
  int err = bpf_map_delete_elem(fd, key.Data());
  if (err == -ENOENT) return Napi::Boolean::New(env, false);
  if (err < 0) throw ErrnoError(env, "map delete", -err);
  return Napi::Boolean::New(env, true);
}

Napi::Value NativeMap::NextKey(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = FdOrThrow(env, "map next key");
  const void* prev = nullptr;
  if (!IsNullish(info[0])) {
    Napi::Uint8Array key = BytesArg(info, 0, "key");
    CheckKey(env, key);
    prev = key.Data();
  }
  Napi::Buffer<uint8_t> next = Napi::Buffer<uint8_t>::New(env, std::max<uint32_t>(info_.key_size, 1));
  int err = bpf_map_get_next_key(fd, prev, next.Data());
  if (err == -ENOENT) return env.Null();
  if (err < 0) throw ErrnoError(env, "map next key", -err);
  return Napi::Buffer<uint8_t>::NewOrCopy(env, next.Data(), info_.key_size);
}

BatchRead ReadBatch(int fd, bool useBatch, uint32_t keySize, uint32_t stride, const uint8_t* in, uint8_t* out,
                    uint8_t* keys, uint8_t* values, uint32_t count) {
  BatchRead r;
  size_t cursorLen = CursorLen(keySize);
  if (useBatch) {
    __u32 n = count;
    LIBBPF_OPTS(bpf_map_batch_opts, opts);
    int err = bpf_map_lookup_batch(fd, const_cast<uint8_t*>(in), out, keys, values, &n, &opts);
    if (err < 0 && -err != ENOENT) {
      r.err = -err;
      return r;
    }
    // The kernel ends a dump with ENOENT on a call that may still carry entries.
    r.done = err < 0;
    r.got = n;
    return r;
  }
  // Walk: the cursor is the last key returned. If it was deleted meanwhile, the
  // kernel restarts from the first key (documented in BpfMap.batches).
  std::vector<uint8_t> prev(keySize), next(std::max<uint32_t>(keySize, 1));
  bool havePrev = in != nullptr;
  if (in) memcpy(prev.data(), in, keySize);
  while (r.got < count) {
    int err = bpf_map_get_next_key(fd, havePrev ? prev.data() : nullptr, next.data());
    if (err == -ENOENT) {
      r.done = true;
      break;
    }
    if (err < 0) {
      r.err = -err;
      return r;
    }
    err = bpf_map_lookup_elem(fd, next.data(), values + size_t(r.got) * stride);
    memcpy(prev.data(), next.data(), keySize);
    havePrev = true;
    if (err == -ENOENT) continue;  // deleted between next-key and lookup: skip it
    if (err < 0) {
      r.err = -err;
      return r;
    }
    memcpy(keys + size_t(r.got) * keySize, next.data(), keySize);
    r.got++;
  }
  memset(out, 0, cursorLen);
  memcpy(out, prev.data(), keySize);
  return r;
}

// One batch of entries read on a libuv worker into Buffers allocated on the main
// thread, so JS gets them without a copy (BpfMap.batch: one batch from a cursor).
class BatchWorker : public Napi::AsyncWorker {
 public:
  BatchWorker(Napi::Env env, NativeMap* map, Napi::Object self, bool useBatch, const uint8_t* cursor,
              size_t cursorLen, uint32_t count)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), map_(map),
        useBatch_(useBatch), count_(count) {
    fd_ = map->FdOrThrow(env, useBatch ? "map lookup batch" : "map walk");
    keySize_ = map->Info().key_size;
    stride_ = map->ValueStride();
    self_ = Napi::Persistent(self);  // keeps the map alive until this work is done
    hasCursor_ = cursor != nullptr;
    in_.assign(CursorLen(keySize_), 0);
    out_.assign(in_.size(), 0);
    if (cursor) memcpy(in_.data(), cursor, std::min(cursorLen, in_.size()));
    Napi::Buffer<uint8_t> keys = Napi::Buffer<uint8_t>::New(env, std::max<size_t>(size_t(count) * keySize_, 1));
    Napi::Buffer<uint8_t> values = Napi::Buffer<uint8_t>::New(env, std::max<size_t>(size_t(count) * stride_, 1));
    keysData_ = keys.Data();
    valuesData_ = values.Data();
    keys_ = Napi::Persistent(keys.As<Napi::Object>());
    values_ = Napi::Persistent(values.As<Napi::Object>());
    map_->BeginWork();
  }

  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    result_ = ReadBatch(fd_, useBatch_, keySize_, stride_, hasCursor_ ? in_.data() : nullptr, out_.data(), keysData_,
                        valuesData_, count_);
    if (result_.err) SetError("failed");
  }

  void OnOK() override {
    Napi::Env env = Env();
    map_->EndWork();
    Napi::Object r = Napi::Object::New(env);
    r.Set("keys", keys_.Value());
    r.Set("values", values_.Value());
    r.Set("count", result_.got);
    r.Set("done", result_.done);
    r.Set("cursor", Napi::Buffer<uint8_t>::Copy(env, out_.data(), out_.size()));
    deferred_.Resolve(r);
  }

  void OnError(const Napi::Error&) override {
    map_->EndWork();
    deferred_.Reject(ErrnoError(Env(), useBatch_ ? "map lookup batch" : "map walk", result_.err).Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  NativeMap* map_;
  Napi::ObjectReference self_, keys_, values_;
  bool useBatch_, hasCursor_ = false;
  int fd_ = -1;
  uint32_t count_, keySize_ = 0, stride_ = 0;
  BatchRead result_;
  std::vector<uint8_t> in_, out_;
  uint8_t* keysData_ = nullptr;
  uint8_t* valuesData_ = nullptr;
};

// Writes `count` entries from flat key and value memory off the main thread: BPF_MAP_UPDATE_BATCH
// where the kernel has it for this map and the flag is BPF_ANY (the only one it takes), otherwise
// one update per entry, with the same result. Entries before a failing one stay written.
class UpdateBatchWorker : public Napi::AsyncWorker {
 public:
  UpdateBatchWorker(Napi::Env env, NativeMap* map, Napi::Object self, Napi::Uint8Array keys, Napi::Uint8Array values,
                    uint32_t count, uint64_t flags)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), map_(map), count_(count), flags_(flags) {
    fd_ = map->FdOrThrow(env, "map update batch");
    keySize_ = map->Info().key_size;
    stride_ = map->ValueStride();
    keysData_ = keys.Data();
    valuesData_ = values.Data();
    self_ = Napi::Persistent(self);
    keys_ = Napi::Persistent(keys.As<Napi::Object>());  // the caller's memory stays alive until the work is done
    values_ = Napi::Persistent(values.As<Napi::Object>());
    map_->BeginWork();
  }
  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    if (flags_ == BPF_ANY) {
      __u32 n = count_;
      LIBBPF_OPTS(bpf_map_batch_opts, opts);
      int err = bpf_map_update_batch(fd_, keysData_, valuesData_, &n, &opts);
      if (err == 0) return;
      // No batch update for this map type (ENOTSUPP) or kernel (EINVAL before 5.6): one by one below.
      bool unsupported = n == 0 && (-err == EINVAL || -err == ENOTSUP || -err == 524);
      if (!unsupported) return Fail(-err);
    }
    for (uint32_t i = 0; i < count_; i++) {
      int err = bpf_map_update_elem(fd_, keysData_ + size_t(i) * keySize_, valuesData_ + size_t(i) * stride_, flags_);
      if (err < 0) return Fail(-err);
    }
  }
  void OnOK() override {
    map_->EndWork();
    deferred_.Resolve(Env().Undefined());
  }
  void OnError(const Napi::Error&) override {
    map_->EndWork();
    deferred_.Reject(ErrnoError(Env(), "map update batch", errno_).Value());
  }

 private:
  void Fail(int e) {
    errno_ = e;
    SetError("failed");
  }

  Napi::Promise::Deferred deferred_;
  NativeMap* map_;
  Napi::ObjectReference self_, keys_, values_;
  uint32_t count_, keySize_ = 0, stride_ = 0;
  uint64_t flags_;
  int fd_ = -1, errno_ = 0;
  const uint8_t* keysData_ = nullptr;
  const uint8_t* valuesData_ = nullptr;
};

// updateBatch(keys, values, flags): Promise<void>; keys: count × key size bytes, values: count × value stride.
Napi::Value NativeMap::UpdateBatch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  FdOrThrow(env, "map update batch");
  Napi::Uint8Array keys = BytesArg(info, 0, "keys");
  Napi::Uint8Array values = BytesArg(info, 1, "values");
  uint64_t flags = IntArg(info, 2, "flags", 0, BPF_NOEXIST | BPF_EXIST | BPF_F_LOCK);
  if (info_.key_size == 0) throw TypeErr(env, "this map has no keys: it takes no batch update");
  if (keys.ByteLength() % info_.key_size != 0)
    throw TypeErr(env, "keys must be a multiple of " + std::to_string(info_.key_size) + " bytes, got " + std::to_string(keys.ByteLength()));
  size_t count = keys.ByteLength() / info_.key_size;
  if (count > UINT32_MAX) throw Napi::RangeError::New(env, "too many keys");
  if (values.ByteLength() != count * valueStride_)
    throw TypeErr(env, std::to_string(count) + " values must be " + std::to_string(count * valueStride_) + " bytes (" +
                       std::to_string(valueStride_) + " each), got " + std::to_string(values.ByteLength()));
  auto* w = new UpdateBatchWorker(env, this, Value(), keys, values, uint32_t(count), flags);
  Napi::Promise p = w->Promise();
  w->Queue();
  return p;
}

Napi::Value NativeMap::Fd(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), FdOrThrow(info.Env(), "map fd"));
}

// Counts entries off the main thread with reused buffers (no JS objects per batch).
class CountWorker : public Napi::AsyncWorker {
 public:
  CountWorker(Napi::Env env, NativeMap* map, Napi::Object self)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), map_(map) {
    fd_ = map->FdOrThrow(env, "map count");
    keySize_ = map->Info().key_size;
    stride_ = map->ValueStride();
    self_ = Napi::Persistent(self);
    map_->BeginWork();
  }
  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    const uint32_t chunk = 4096;
    std::vector<uint8_t> keys(size_t(chunk) * std::max<uint32_t>(keySize_, 1));
    std::vector<uint8_t> values(size_t(chunk) * std::max<uint32_t>(stride_, 1));
    std::vector<uint8_t> in(CursorLen(keySize_)), out(in.size());
    bool first = true;
    for (;;) {
      __u32 n = chunk;
      LIBBPF_OPTS(bpf_map_batch_opts, opts);
      int err = bpf_map_lookup_batch(fd_, first ? nullptr : in.data(), out.data(), keys.data(), values.data(), &n, &opts);
      if (err < 0 && first && (-err == EINVAL || -err == ENOTSUP || -err == 524)) return Walk();
      if (err < 0 && -err != ENOENT) return Fail(-err);
      count_ += n;
      if (err < 0) return;
      in.swap(out);
      first = false;
    }
  }

  void OnOK() override {
    map_->EndWork();
    deferred_.Resolve(Napi::Number::New(Env(), double(count_)));
  }
  void OnError(const Napi::Error&) override {
    map_->EndWork();
    deferred_.Reject(ErrnoError(Env(), "map count", errno_).Value());
  }

 private:
  void Walk() {
    std::vector<uint8_t> a(std::max<uint32_t>(keySize_, 1)), b(a.size());
    bool first = true;
    for (;;) {
      int err = bpf_map_get_next_key(fd_, first ? nullptr : a.data(), b.data());
      if (err == -ENOENT) return;
      if (err < 0) return Fail(-err);
      count_++;
      a.swap(b);
      first = false;
    }
  }
  void Fail(int e) {
    errno_ = e;
    SetError("failed");
  }

  Napi::Promise::Deferred deferred_;
  NativeMap* map_;
  Napi::ObjectReference self_;
  int fd_ = -1, errno_ = 0;
  uint32_t keySize_ = 0, stride_ = 0;
  uint64_t count_ = 0;
};

// The batch size argument of lookupBatch, walk and reader: at most 1M entries and 256 MiB.
static uint32_t BatchSizeArg(const Napi::CallbackInfo& info, size_t i, uint32_t keySize, uint32_t stride) {
  uint32_t count = IntArg(info, i, "count", 1, 1 << 20);
  if (uint64_t(count) * (keySize + stride) > (256u << 20))
    throw Napi::RangeError::New(info.Env(), "batch of " + std::to_string(count) + " entries exceeds 256 MiB");
  return count;
}

// lookupBatch(cursor | null, count) and walk(lastKey | null, count): Promise<{keys, values, count, done, cursor}>,
// by BPF_MAP_LOOKUP_BATCH or by get-next-key + lookup.
Napi::Value NativeMap::StartBatch(const Napi::CallbackInfo& info, bool useBatch) {
  Napi::Env env = info.Env();
  FdOrThrow(env, useBatch ? "map lookup batch" : "map walk");
  const uint8_t* cursor = nullptr;
  size_t cursorLen = 0;
  if (!IsNullish(info[0])) {
    Napi::Uint8Array c = BytesArg(info, 0, "cursor");
    if (!useBatch && c.ByteLength() < info_.key_size)
      throw TypeErr(env, "cursor must be at least " + std::to_string(info_.key_size) + " bytes, got " + std::to_string(c.ByteLength()));
    cursor = c.Data();
    cursorLen = c.ByteLength();
  }
  uint32_t count = BatchSizeArg(info, 1, info_.key_size, valueStride_);
  auto* w = new BatchWorker(env, this, Value(), useBatch, cursor, cursorLen, count);
  Napi::Promise p = w->Promise();
  w->Queue();
  return p;
}

Napi::Value NativeMap::LookupBatch(const Napi::CallbackInfo& info) { return StartBatch(info, true); }
Napi::Value NativeMap::Walk(const Napi::CallbackInfo& info) { return StartBatch(info, false); }

// reader(useBatch, count, onReady): a MapReader (map_reader.cc) reading every batch on its own thread.
Napi::Value NativeMap::Reader(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  bool useBatch = info[0].ToBoolean();
  FdOrThrow(env, useBatch ? "map lookup batch" : "map walk");
  uint32_t count = BatchSizeArg(info, 1, info_.key_size, valueStride_);
  if (!info[2].IsFunction()) throw TypeErr(env, "onReady must be a function");
  return NewMapReader(env, this, Value(), useBatch, count, info[2].As<Napi::Function>());
}

Napi::Value NativeMap::Count(const Napi::CallbackInfo& info) {
  auto* w = new CountWorker(info.Env(), this, Value());
  Napi::Promise p = w->Promise();
  w->Queue();
  return p;
}

Napi::Value NativeMap::Pin(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = FdOrThrow(env, "map pin");
  std::string path = StringArg(info, 0, "path");
  int err = bpf_obj_pin(fd, path.c_str());
  if (err < 0) throw ErrnoError(env, "map pin", -err);
  return env.Undefined();
}

// Idempotent: a second close is a no-op, as for a file handle.
Napi::Value NativeMap::Close(const Napi::CallbackInfo& info) {
  closed_ = true;
  if (pending_ == 0) CloseFd();
  return info.Env().Undefined();
}

Napi::Value NativeMap::IsClosed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), closed_);
}

Napi::Function NativeMap::Define(Napi::Env env) {
  Napi::Function f = DefineClass(env, "NativeMap", {
      InstanceMethod<&NativeMap::GetInfo>("info"),
      InstanceMethod<&NativeMap::Lookup>("lookup"),
      InstanceMethod<&NativeMap::Update>("update"),
      InstanceMethod<&NativeMap::UpdateBatch>("updateBatch"),
      InstanceMethod<&NativeMap::Fd>("fd"),
      InstanceMethod<&NativeMap::Delete>("delete"),
      InstanceMethod<&NativeMap::NextKey>("nextKey"),
      InstanceMethod<&NativeMap::LookupBatch>("lookupBatch"),
      InstanceMethod<&NativeMap::Walk>("walk"),
      InstanceMethod<&NativeMap::Reader>("reader"),
      InstanceMethod<&NativeMap::Count>("count"),
      InstanceMethod<&NativeMap::Pin>("pin"),
      InstanceMethod<&NativeMap::Close>("close"),
      InstanceMethod<&NativeMap::IsClosed>("isClosed"),
  });
  constructor = new Napi::FunctionReference(Napi::Persistent(f));
  return f;
}

// mapCreate(type, keySize, valueSize, maxEntries, flags, name, innerMap): NativeMap
static Napi::Value MapCreate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  uint32_t type = IntArg(info, 0, "type", 1, 1000);
  uint32_t keySize = IntArg(info, 1, "keySize", 0, 1 << 20);
  uint32_t valueSize = IntArg(info, 2, "valueSize", 0, 1 << 24);
  uint32_t maxEntries = IntArg(info, 3, "maxEntries", 0, UINT32_MAX);
  uint32_t flags = IntArg(info, 4, "flags", 0, UINT32_MAX);
  std::string name;
  if (!IsNullish(info[5])) {
    if (!info[5].IsString()) throw TypeErr(env, "name must be a string");
    name = info[5].As<Napi::String>().Utf8Value();
    if (name.size() >= BPF_OBJ_NAME_LEN) throw TypeErr(env, "map name must be at most 15 bytes, got " + std::to_string(name.size()));
  }
  // Map-in-map types take a map of the inner spec: the kernel copies its attributes and keeps no reference.
  int innerFd = -1;
  if (!IsNullish(info[6])) {
    if (!info[6].IsObject() || !info[6].As<Napi::Object>().InstanceOf(NativeMap::constructor->Value()))
      throw TypeErr(env, "inner map must be a map");
    innerFd = NativeMap::Unwrap(info[6].As<Napi::Object>())->FdOrThrow(env, "map create (inner map)");
  }
  LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = flags);
  if (innerFd >= 0) opts.inner_map_fd = innerFd;
  int fd = bpf_map_create(static_cast<bpf_map_type>(type), name.empty() ? nullptr : name.c_str(), keySize, valueSize, maxEntries, &opts);
  if (fd < 0) throw ErrnoError(env, "map create", -fd);
  return NativeMap::FromFd(env, fd, "map create");
}

static Napi::Value MapOpenPinned(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string path = StringArg(info, 0, "path");
  int fd = bpf_obj_get(path.c_str());
  if (fd < 0) throw ErrnoError(env, "open pinned map", -fd);
  return NativeMap::FromFd(env, fd, "open pinned map");
}

static Napi::Value MapFromId(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  uint32_t id = IntArg(info, 0, "id", 1, UINT32_MAX);
  int fd = bpf_map_get_fd_by_id(id);
  if (fd < 0) throw ErrnoError(env, "open map by id", -fd);
  return NativeMap::FromFd(env, fd, "open map by id");
}

static Napi::Value NumPossibleCpus(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), PossibleCpus());
}

void InitMap(Napi::Env env, Napi::Object exports) {
  exports.Set("NativeMap", NativeMap::Define(env));
  InitMapReader(env);
  exports.Set("mapCreate", Napi::Function::New(env, MapCreate, "mapCreate"));
  exports.Set("mapOpenPinned", Napi::Function::New(env, MapOpenPinned, "mapOpenPinned"));
  exports.Set("mapFromId", Napi::Function::New(env, MapFromId, "mapFromId"));
  exports.Set("numPossibleCpus", Napi::Function::New(env, NumPossibleCpus, "numPossibleCpus"));
}

}  // namespace ck
