// cadre-sync: the headless sync command for a device without a screen (and for scripts).
#include <iostream>
#include <map>
#include <string>

#include "replica/Replica.h"
#include "sync/SyncClient.h"
#include "sync/https/HttpsTransport.h"

namespace {

const char* kUsage = R"(usage: cadre-sync COMMAND --replica FILE [options]

  login   --replica FILE --server URL [--ca FILE] --username U [--device-name NAME]
          (password read from standard input, first line; the server and CA are remembered)
  sync    --replica FILE [--server URL] [--ca FILE]   push the outbox, pull what is new
  status  --replica FILE                              pending changes, conflicts, identity
)";

std::map<std::string, std::string> flags(int argc, char** argv) {
    std::map<std::string, std::string> f;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name.rfind("--", 0) != 0)
            throw std::invalid_argument("unexpected argument '" + name + "'");
        f[name.substr(2)] = argv[i + 1];
    }
    if (argc > 2 && argc % 2 != 0)
        throw std::invalid_argument(std::string("--") + argv[argc - 1] + " needs a value");
    return f;
}

std::string need(const std::map<std::string, std::string>& f, const std::string& name) {
    auto it = f.find(name);
    if (it == f.end() || it->second.empty())
        throw std::invalid_argument("--" + name + " is required");
    return it->second;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help") {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    try {
        auto f = flags(argc, argv);
        cadre::replica::Replica::Options options;
        cadre::replica::Replica device(need(f, "replica"), options);
        const std::string user = device.localSetting("username");
        if (!user.empty())
            device.setAuthor(user);
        if (command == "status") {
            std::cout << "device " << device.deviceId() << "\nuser "
                      << (user.empty() ? "(not signed in)" : user) << "\nserver "
                      << device.localSetting("server") << "\npending changes "
                      << device.pendingCount() << "\nopen conflicts " << device.conflicts().size()
                      << "\n";
            return 0;
        }
        if (f.count("server"))
            device.setLocalSetting("server", f["server"]);
        if (f.count("ca"))
            device.setLocalSetting("ca", f["ca"]);
        const std::string server = device.localSetting("server");
        if (server.empty())
            throw std::invalid_argument("--server is required the first time");
        cadre::sync::HttpsTransport transport(cadre::sync::HttpsOptions{
            server, device.localSetting("ca"), "", std::chrono::milliseconds(30000)});
        cadre::sync::SyncClient::Options clientOptions;
        clientOptions.log = [](const std::string& line) { std::cerr << line << "\n"; };
        cadre::sync::SyncClient client(device, transport, clientOptions);
        if (command == "login") {
            std::string password;
            std::getline(std::cin, password);
            client.login(need(f, "username"), password,
                         f.count("device-name") ? f["device-name"] : "cadre-sync");
            std::cout << "signed in as " << f["username"] << " on " << server << "\n";
            return 0;
        }
        if (command == "sync") {
            const auto r = client.sync();
            std::cout << "pushed " << r.pushed << ", pulled " << r.pulled << " in " << r.pages
                      << " page(s)"
                      << ", clock offset " << r.clockOffsetMs << " ms\n";
            for (const auto& why : r.rejections) {
                std::cout << "refused (" << why.status << " " << why.code << "): " << why.message
                          << "\n";
                for (const auto& [field, reason] : why.issues)
                    std::cout << "  " << field << ": " << reason << "\n";
            }
            std::cout << "pending " << device.pendingCount() << ", open conflicts "
                      << device.conflicts().size() << "\n";
            return r.rejections.empty() ? 0 : 3;
        }
        std::cerr << "cadre-sync: unknown command '" << command << "'\n" << kUsage;
        return 2;
    } catch (const cadre::sync::SyncError& e) {
        std::cerr << "cadre-sync " << command << ": " << e.what() << "\n";
        return e.status() == 401 ? 4 : 1;
    } catch (const std::exception& e) {
        std::cerr << "cadre-sync " << command << ": " << e.what() << "\n";
        return 1;
    }
}
