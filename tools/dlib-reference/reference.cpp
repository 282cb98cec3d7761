// A development tool, not part of the build (see README.md).
// dlib's own pipeline, the one its 99.38 % LFW figure comes from: HOG detector (upsampled once; the detection
// nearest the centre, or a centred 110-px box when none), 5-point predictor, 150-px chip with padding 0.25, ResNet.
// Usage: reference MODEL_DIR IMAGE_ROOT JITTERS < relative-paths
// Prints per image: path, HOG found (1/0), box l,t,r,b, the 5 points, the 128 floats (TAB-separated).
#include <dlib/dnn.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing.h>
#include <dlib/image_io.h>
#include <iostream>
#include <fstream>
using namespace dlib; using namespace std;
template <template <int,template<typename>class,int,typename> class block, int N, template<typename>class BN, typename SUBNET>
using residual = add_prev1<block<N,BN,1,tag1<SUBNET>>>;
template <template <int,template<typename>class,int,typename> class block, int N, template<typename>class BN, typename SUBNET>
using residual_down = add_prev2<avg_pool<2,2,2,2,skip1<tag2<block<N,BN,2,tag1<SUBNET>>>>>>;
template <int N, template <typename> class BN, int stride, typename SUBNET>
using block  = BN<con<N,3,3,1,1,relu<BN<con<N,3,3,stride,stride,SUBNET>>>>>;
template <int N, typename SUBNET> using ares      = relu<residual<block,N,affine,SUBNET>>;
template <int N, typename SUBNET> using ares_down = relu<residual_down<block,N,affine,SUBNET>>;
template <typename SUBNET> using alevel0 = ares_down<256,SUBNET>;
template <typename SUBNET> using alevel1 = ares<256,ares<256,ares_down<256,SUBNET>>>;
template <typename SUBNET> using alevel2 = ares<128,ares<128,ares_down<128,SUBNET>>>;
template <typename SUBNET> using alevel3 = ares<64,ares<64,ares<64,ares_down<64,SUBNET>>>>;
template <typename SUBNET> using alevel4 = ares<32,ares<32,ares<32,SUBNET>>>;
using anet_type = loss_metric<fc_no_bias<128,avg_pool_everything<
                            alevel0<alevel1<alevel2<alevel3<alevel4<
                            max_pool<3,3,2,2,relu<affine<con<32,7,7,2,2,
                            input_rgb_image_sized<150>>>>>>>>>>>>>;
int main(int argc, char** argv) {
  string dir = argv[1], root = argv[2]; int jitters = atoi(argv[3]);
  frontal_face_detector det = get_frontal_face_detector();
  shape_predictor sp; deserialize(dir + "/shape_predictor_5_face_landmarks.dat") >> sp;
  anet_type net; deserialize(dir + "/dlib_face_recognition_resnet_model_v1.dat") >> net;
  dlib::rand rnd;
  string rel;
  while (getline(cin, rel)) {
    matrix<rgb_pixel> img; load_image(img, root + "/" + rel);
    auto dets = det(img, 1);
    rectangle box; int found = 0; double best = 1e18;
    dpoint c(img.nc()/2.0, img.nr()/2.0);
    for (auto& d : dets) { double dd = length(center(d) - c); if (dd < best) { best = dd; box = d; found = 1; } }
    if (!found) box = centered_rect(point(img.nc()/2, img.nr()/2), 110, 110);
    full_object_detection shape = sp(img, box);
    matrix<rgb_pixel> chip; extract_image_chip(img, get_face_chip_details(shape, 150, 0.25), chip);
    matrix<float,0,1> d;
    if (jitters <= 1) d = net(chip);
    else {
      std::vector<matrix<rgb_pixel>> crops;
      for (int i = 0; i < jitters; ++i) crops.push_back(jitter_image(chip, rnd));
      d = mean(mat(net(crops)));
    }
    cout << rel << "\t" << found << "\t" << box.left() << "," << box.top() << "," << box.right() << "," << box.bottom() << "\t";
    for (unsigned i = 0; i < 5; ++i) cout << shape.part(i).x() << "," << shape.part(i).y() << (i < 4 ? "," : "");
    cout << "\t";
    for (long i = 0; i < d.size(); ++i) cout << d(i) << (i + 1 < d.size() ? "," : "");
    cout << "\n" << flush;
  }
}
