// NativeObject: an ELF object opened and loaded by libbpf, its maps and programs,
// tc attachment (tcx, kernel 6.6+, through BPF_PROG_ATTACH; or clsact + BPF filter, through
// libbpf's netlink tc API) and BPF_PROG_TEST_RUN. Attachment can run inside a named network
// namespace.
#include "map.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <unistd.h>

#include <cstdarg>
#include <vector>

namespace ck {

// libbpf reports through one global print callback. We keep its output (the
// verifier log above all) for the error of a failed open/load instead of
// printing to the user's stderr.
static std::string g_libbpfLog;

static int CaptureLibbpf(enum libbpf_print_level level, const char* fmt, va_list args) {
  if (level == LIBBPF_DEBUG) return 0;
  char line[1024];
  int n = vsnprintf(line, sizeof(line), fmt, args);
  if (g_libbpfLog.size() < (64u << 10)) g_libbpfLog.append(line);
  return n;
}

static std::string LogTail(size_t maxLines) {
  std::string& s = g_libbpfLog;
  size_t pos = s.size(), lines = 0;
  while (pos > 0 && lines <= maxLines) {
    pos = s.rfind('\n', pos - 1);
    if (pos == std::string::npos) { pos = 0; break; }
    lines++;
  }
  std::string tail = s.substr(pos == 0 ? 0 : pos + 1);
  while (!tail.empty() && tail.back() == '\n') tail.pop_back();
  return tail;
}

// Enters a network namespace for the lifetime of the guard (this thread only) and
// always returns to the one it came from.
class NetnsGuard {
 public:
  NetnsGuard(Napi::Env env, const std::string& path) {
    if (path.empty()) return;
    self_ = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (self_ < 0) throw ErrnoError(env, "open own netns", errno);
    int target = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (target < 0) {
      int e = errno;
      close(self_);
      throw ErrnoError(env, "open netns " + path, e);
    }
    int err = setns(target, CLONE_NEWNET);
    int e = errno;
    close(target);
    if (err < 0) {
      close(self_);
      throw ErrnoError(env, "enter netns " + path, e);
    }
  }
  ~NetnsGuard() {
    if (self_ < 0) return;
    setns(self_, CLONE_NEWNET);
    close(self_);
  }

 private:
  int self_ = -1;
};

static std::string NetnsArg(const Napi::CallbackInfo& info, size_t i) {
  if (IsNullish(info[i])) return "";
  return StringArg(info, i, "netns");
}

static int IfindexArg(const Napi::CallbackInfo& info, size_t i) {
  if (info[i].IsString()) {
    std::string name = StringArg(info, i, "interface");
    unsigned idx = if_nametoindex(name.c_str());
    if (idx == 0) throw ErrnoError(info.Env(), "no interface " + name, ENODEV);
    return int(idx);
  }
  return int(IntArg(info, i, "ifindex", 1, INT32_MAX));
}

static bpf_tc_attach_point AttachPointArg(const Napi::CallbackInfo& info, size_t i) {
  std::string p = StringArg(info, i, "attach point");
  if (p == "ingress") return BPF_TC_INGRESS;
  if (p == "egress") return BPF_TC_EGRESS;
  throw TypeErr(info.Env(), "attach point must be 'ingress' or 'egress', got '" + p + "'");
}

// BPF_TCX_INGRESS and BPF_TCX_EGRESS (kernel 6.6 uapi; the system headers of libbpf 1.1 predate them).
static bpf_attach_type TcxTypeArg(const Napi::CallbackInfo& info, size_t i) {
  return AttachPointArg(info, i) == BPF_TC_INGRESS ? bpf_attach_type(46) : bpf_attach_type(47);
}

class NativeObject : public Napi::ObjectWrap<NativeObject> {
 public:
  static Napi::FunctionReference* constructor;

  explicit NativeObject(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeObject>(info) {}
  ~NativeObject() override {
    if (obj_) bpf_object__close(obj_);
  }

  static Napi::Function Define(Napi::Env env) {
    Napi::Function f = DefineClass(env, "NativeObject", {
        InstanceMethod<&NativeObject::Maps>("maps"),
        InstanceMethod<&NativeObject::Programs>("programs"),
        InstanceMethod<&NativeObject::SetPinRoot>("setPinRoot"),
        InstanceMethod<&NativeObject::Load>("load"),
        InstanceMethod<&NativeObject::Map>("map"),
        InstanceMethod<&NativeObject::TcAttach>("tcAttach"),
        InstanceMethod<&NativeObject::TcxAttach>("tcxAttach"),
        InstanceMethod<&NativeObject::TestRun>("testRun"),
        InstanceMethod<&NativeObject::Close>("close"),
    });
    constructor = new Napi::FunctionReference(Napi::Persistent(f));
    return f;
  }

  // objectOpen(path, kconfig?): NativeObject. kconfig: "CONFIG_X=v" lines that libbpf uses for
  // CONFIG_ externs instead of the system's config file (it reads the file only for externs left unset).
  static Napi::Value Open(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    std::string path = StringArg(info, 0, "path");
    std::string kconfig = IsNullish(info[1]) ? "" : StringArg(info, 1, "kconfig");
    LIBBPF_OPTS(bpf_object_open_opts, opts, .kconfig = kconfig.empty() ? nullptr : kconfig.c_str());
    g_libbpfLog.clear();
    bpf_object* obj = bpf_object__open_file(path.c_str(), &opts);
    if (!obj) throw ErrnoError(env, "open object " + path, errno, LogTail(20));
    Napi::Object o = constructor->New({});
    Unwrap(o)->obj_ = obj;
    return o;
  }

 private:
  bpf_object* Obj(Napi::Env env, const char* op) {
    if (!obj_) throw ErrnoError(env, op, EBADF);
    return obj_;
  }

  bpf_program* Prog(const Napi::CallbackInfo& info, size_t i, const char* op) {
    bpf_object* obj = Obj(info.Env(), op);
    std::string name = StringArg(info, i, "program name");
    bpf_program* p = bpf_object__find_program_by_name(obj, name.c_str());
    if (!p) throw ErrnoError(info.Env(), std::string(op) + " " + name, ENOENT);
    if (!loaded_) throw ErrnoError(info.Env(), std::string(op) + " " + name + " (object not loaded)", EBADFD);
    return p;
  }

  // One JS object per map or program of the object, in libbpf's order; `describe` sets its fields.
  template <typename Item, typename Next, typename Describe>
  static Napi::Array List(Napi::Env env, bpf_object* obj, Next next, Describe describe) {
    Napi::Array arr = Napi::Array::New(env);
    uint32_t i = 0;
    for (Item* it = next(obj, nullptr); it; it = next(obj, it)) {
      Napi::Object o = Napi::Object::New(env);
      describe(o, it);
      arr.Set(i++, o);
    }
    return arr;
  }

  Napi::Value Maps(const Napi::CallbackInfo& info) {
    return List<bpf_map>(info.Env(), Obj(info.Env(), "object maps"), bpf_object__next_map, [](Napi::Object o, bpf_map* m) {
      o.Set("name", bpf_map__name(m));
      o.Set("type", uint32_t(bpf_map__type(m)));
      o.Set("keySize", bpf_map__key_size(m));
      o.Set("valueSize", bpf_map__value_size(m));
      o.Set("maxEntries", bpf_map__max_entries(m));
      o.Set("internal", bpf_map__is_internal(m));
      const char* pin = bpf_map__pin_path(m);
      if (pin) o.Set("pinPath", pin);
    });
  }

  Napi::Value Programs(const Napi::CallbackInfo& info) {
    return List<bpf_program>(info.Env(), Obj(info.Env(), "object programs"), bpf_object__next_program,
                             [](Napi::Object o, bpf_program* p) {
      o.Set("name", bpf_program__name(p));
      o.Set("section", bpf_program__section_name(p));
      o.Set("type", uint32_t(bpf_program__type(p)));
    });
  }

  Napi::Value SetPinRoot(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    bpf_object* obj = Obj(env, "set pin root");
    if (loaded_) throw ErrnoError(env, "set pin root (object already loaded)", EBUSY);
    std::string dir = StringArg(info, 0, "pin directory");
    bpf_map* m;
    bpf_object__for_each_map(m, obj) {
      if (bpf_map__is_internal(m)) continue;
      std::string path = dir + "/" + bpf_map__name(m);
      int err = bpf_map__set_pin_path(m, path.c_str());
      if (err < 0) throw ErrnoError(env, "set pin path " + path, -err);
    }
    return env.Undefined();
  }

  Napi::Value Load(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    bpf_object* obj = Obj(env, "object load");
    if (loaded_) throw ErrnoError(env, "object load (already loaded)", EBUSY);
    g_libbpfLog.clear();
    int err = bpf_object__load(obj);
    if (err < 0) throw ErrnoError(env, "object load", -err, LogTail(30));
    loaded_ = true;
    return env.Undefined();
  }

  // map(name): a NativeMap with its own fd (dup), valid after the object closes.
  Napi::Value Map(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    bpf_object* obj = Obj(env, "object map");
    std::string name = StringArg(info, 0, "map name");
    bpf_map* m = bpf_object__find_map_by_name(obj, name.c_str());
    if (!m) throw ErrnoError(env, "object map " + name, ENOENT);
    int fd = bpf_map__fd(m);
    if (fd < 0) throw ErrnoError(env, "object map " + name + " (object not loaded)", EBADFD);
    int dup = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (dup < 0) throw ErrnoError(env, "object map " + name, errno);
    return NativeMap::FromFd(env, dup, "object map " + name);
  }

  // tcAttach(program, ifindex | ifname, 'ingress' | 'egress', netns | null, priority, handle):
  // {ifindex, handle, priority, createdHook}. Creates the clsact qdisc when missing.
  Napi::Value TcAttach(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    bpf_program* p = Prog(info, 0, "tc attach");
    std::string ns = NetnsArg(info, 3);
    uint32_t priority = IntArg(info, 4, "priority", 0, 0xffff);
    uint32_t handle = IntArg(info, 5, "handle", 0, UINT32_MAX);
    bpf_tc_attach_point point = AttachPointArg(info, 2);
    NetnsGuard guard(env, ns);
    int ifindex = IfindexArg(info, 1);
    LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = ifindex, .attach_point = point);
    int err = bpf_tc_hook_create(&hook);
    bool created = err == 0;
    if (err < 0 && err != -EEXIST) throw ErrnoError(env, "create clsact qdisc", -err);
    LIBBPF_OPTS(bpf_tc_opts, opts, .prog_fd = bpf_program__fd(p), .handle = handle, .priority = priority);
    err = bpf_tc_attach(&hook, &opts);
    if (err < 0) throw ErrnoError(env, "tc attach", -err);
    Napi::Object r = Napi::Object::New(env);
    r.Set("ifindex", ifindex);
    r.Set("handle", opts.handle);
    r.Set("priority", opts.priority);
    r.Set("programId", opts.prog_id);
    r.Set("createdHook", created);
    return r;
  }

  // tcxAttach(program, ifindex | ifname, 'ingress' | 'egress', netns | null): {ifindex, programId}.
  // Appends the program to the interface's tcx chain with BPF_PROG_ATTACH, not a link: it stays
  // attached after this process exits, until tcxDetach or the interface goes. EINVAL on a kernel
  // without tcx.
  Napi::Value TcxAttach(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    bpf_program* p = Prog(info, 0, "tcx attach");
    bpf_attach_type type = TcxTypeArg(info, 2);
    std::string ns = NetnsArg(info, 3);
    NetnsGuard guard(env, ns);
    int ifindex = IfindexArg(info, 1);
    int fd = bpf_program__fd(p);
    if (bpf_prog_attach(fd, ifindex, type, 0) < 0) throw ErrnoError(env, "tcx attach", errno);
    bpf_prog_info pi = {};
    uint32_t len = sizeof(pi);
    if (bpf_obj_get_info_by_fd(fd, &pi, &len) < 0) throw ErrnoError(env, "tcx attach: program info", errno);
    Napi::Object r = Napi::Object::New(env);
    r.Set("ifindex", ifindex);
    r.Set("programId", pi.id);
    return r;
  }

  // testRun(program, data, repeat): {retval, durationNs, data} via BPF_PROG_TEST_RUN.
  Napi::Value TestRun(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    bpf_program* p = Prog(info, 0, "test run");
    Napi::Uint8Array data = BytesArg(info, 1, "data");
    int repeat = IntArg(info, 2, "repeat", 1, 1 << 20);
    if (data.ByteLength() > (1u << 16)) throw TypeErr(env, "test run data must be at most 65536 bytes, got " + std::to_string(data.ByteLength()));
    std::vector<uint8_t> out(data.ByteLength() + 512);
    LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = data.Data(), .data_out = out.data(),
                .data_size_in = uint32_t(data.ByteLength()), .data_size_out = uint32_t(out.size()), .repeat = repeat);
    int err = bpf_prog_test_run_opts(bpf_program__fd(p), &opts);
    if (err < 0) throw ErrnoError(env, "test run", -err);
    Napi::Object r = Napi::Object::New(env);
    r.Set("retval", opts.retval);
    r.Set("durationNs", opts.duration);
    r.Set("data", Napi::Buffer<uint8_t>::Copy(env, out.data(), std::min<size_t>(opts.data_size_out, out.size())));
    return r;
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    if (obj_) bpf_object__close(obj_);
    obj_ = nullptr;
    return info.Env().Undefined();
  }

  bpf_object* obj_ = nullptr;
  bool loaded_ = false;
};

Napi::FunctionReference* NativeObject::constructor = nullptr;

// tcDetach(ifindex | ifname, 'ingress' | 'egress', handle, priority, netns | null)
static Napi::Value TcDetach(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  bpf_tc_attach_point point = AttachPointArg(info, 1);
  uint32_t handle = IntArg(info, 2, "handle", 1, UINT32_MAX);
  uint32_t priority = IntArg(info, 3, "priority", 1, 0xffff);
  std::string ns = NetnsArg(info, 4);
  NetnsGuard guard(env, ns);
  int ifindex = IfindexArg(info, 0);
  LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = ifindex, .attach_point = point);
  LIBBPF_OPTS(bpf_tc_opts, opts, .handle = handle, .priority = priority);
  int err = bpf_tc_detach(&hook, &opts);
  if (err < 0) throw ErrnoError(env, "tc detach", -err);
  return env.Undefined();
}

// tcHookDestroy(ifindex | ifname, netns | null): removes the clsact qdisc and every filter on it.
static Napi::Value TcHookDestroy(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string ns = NetnsArg(info, 1);
  NetnsGuard guard(env, ns);
  int ifindex = IfindexArg(info, 0);
  LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = ifindex, .attach_point = bpf_tc_attach_point(BPF_TC_INGRESS | BPF_TC_EGRESS));
  int err = bpf_tc_hook_destroy(&hook);
  if (err < 0 && err != -ENOENT) throw ErrnoError(env, "destroy clsact qdisc", -err);
  return Napi::Boolean::New(env, err == 0);
}

// tcxDetach(ifindex | ifname, 'ingress' | 'egress', programId, netns | null)
static Napi::Value TcxDetach(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  bpf_attach_type type = TcxTypeArg(info, 1);
  uint32_t id = IntArg(info, 2, "program id", 1, UINT32_MAX);
  std::string ns = NetnsArg(info, 3);
  NetnsGuard guard(env, ns);
  int ifindex = IfindexArg(info, 0);
  int fd = bpf_prog_get_fd_by_id(id);
  if (fd < 0) throw ErrnoError(env, "tcx detach: program " + std::to_string(id), errno);
  int err = bpf_prog_detach2(fd, ifindex, type);
  int e = errno;
  close(fd);
  if (err < 0) throw ErrnoError(env, "tcx detach", e);
  return env.Undefined();
}

// tcxPrograms(ifindex | ifname, 'ingress' | 'egress', netns | null): [{id, name}] in run order.
static Napi::Value TcxPrograms(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  bpf_attach_type type = TcxTypeArg(info, 1);
  std::string ns = NetnsArg(info, 2);
  NetnsGuard guard(env, ns);
  int ifindex = IfindexArg(info, 0);
  uint32_t ids[64], count = 64, flags = 0;
  if (bpf_prog_query(ifindex, type, 0, &flags, ids, &count) < 0) throw ErrnoError(env, "tcx query", errno);
  Napi::Array r = Napi::Array::New(env);
  for (uint32_t i = 0; i < count && i < 64; i++) {
    Napi::Object o = Napi::Object::New(env);
    o.Set("id", ids[i]);
    std::string name;
    int fd = bpf_prog_get_fd_by_id(ids[i]);
    if (fd >= 0) {
      bpf_prog_info pi = {};
      uint32_t len = sizeof(pi);
      if (bpf_obj_get_info_by_fd(fd, &pi, &len) == 0) name = pi.name;
      close(fd);
    }
    o.Set("name", name);
    r.Set(i, o);
  }
  return r;
}

void InitObject(Napi::Env env, Napi::Object exports) {
  libbpf_set_print(CaptureLibbpf);
  exports.Set("NativeObject", NativeObject::Define(env));
  exports.Set("objectOpen", Napi::Function::New(env, NativeObject::Open, "objectOpen"));
  exports.Set("tcDetach", Napi::Function::New(env, TcDetach, "tcDetach"));
  exports.Set("tcHookDestroy", Napi::Function::New(env, TcHookDestroy, "tcHookDestroy"));
  exports.Set("tcxDetach", Napi::Function::New(env, TcxDetach, "tcxDetach"));
  exports.Set("tcxPrograms", Napi::Function::New(env, TcxPrograms, "tcxPrograms"));
}

}  // namespace ck
