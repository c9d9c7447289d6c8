// Mounting bpffs: the one piece of the kernel door that is not bpf(2).
#include "common.h"

#include <sys/mount.h>

namespace ck {

static Napi::Value MountBpffs(const Napi::CallbackInfo& info) {
  std::string path = StringArg(info, 0, "path");
  if (mount("bpf", path.c_str(), "bpf", 0, "mode=0700") < 0) throw ErrnoError(info.Env(), "mount bpffs at " + path, errno);
  return info.Env().Undefined();
}

static Napi::Value Unmount(const Napi::CallbackInfo& info) {
  std::string path = StringArg(info, 0, "path");
  if (umount2(path.c_str(), MNT_DETACH) < 0) throw ErrnoError(info.Env(), "unmount " + path, errno);
  return info.Env().Undefined();
}

void InitSystem(Napi::Env env, Napi::Object exports) {
  exports.Set("mountBpffs", Napi::Function::New(env, MountBpffs, "mountBpffs"));
  exports.Set("unmount", Napi::Function::New(env, Unmount, "unmount"));
}

}  // namespace ck
